// 기본정보: label in one column, value in the next (standard §1.1). A blank or unreadable required
// value is `missing-info`; everything the rows are checked against (연도, 작성일) comes from here.
import type { DistrictDefinition, InfoFieldDefinition, Standard } from '../standard/types';
import type { Finding, ReportInfo } from './report';
import type { Cell, SheetSnapshot } from './snapshot';
import { cellAddress, isBlankCell } from './snapshot';
import { makeFinding, type Place } from './findings';
import { parseDate, parseNumber, parseQuarter, parseText } from './parse';
import { isoFromSerial } from './dates';
import { fold, headerKey } from './text';
import { cellText } from './locate';

export interface InfoResult {
  info: ReportInfo;
  year: number | null;
  reportDate: number | null;
  findings: Finding[];
  /** Date fields as serial numbers, by key. */
  dates: Map<string, number>;
}

/** Labels may sit in any of the first columns; the value is the cell to their right. */
const LABEL_COLUMNS = 4;
const LABEL_ROWS = 50;

export function findDistrict(standard: Standard, text: string): DistrictDefinition | null {
  let s = fold(text).trim().replace(/\s+/g, ' ');
  for (const prefix of standard.districtPrefixes) if (s.startsWith(prefix)) s = s.slice(prefix.length).trim();
  const key = headerKey(s);
  return (
    standard.districts.find(
      (d) =>
        headerKey(d.name) === key ||
        headerKey(d.name.replace(/구$/, '')) === key ||
        headerKey(d.nameEn) === key ||
        d.code === key ||
        d.aliases.some((a) => headerKey(a) === key),
    ) ?? null
  );
}

function locateValues(
  standard: Standard,
  sheet: SheetSnapshot,
): Map<string, { cell: Cell | undefined; address: string; row: number }> {
  const byLabel = new Map<string, InfoFieldDefinition>();
  for (const f of standard.sheets.info.fields)
    for (const l of [f.label, ...f.aliases]) byLabel.set(headerKey(l), f);
  const found = new Map<string, { cell: Cell | undefined; address: string; row: number }>();
  for (let r = 0; r < Math.min(sheet.rows.length, LABEL_ROWS); r++) {
    const cells = sheet.rows[r] ?? [];
    for (let c = 0; c < Math.min(cells.length, LABEL_COLUMNS); c++) {
      const field = byLabel.get(headerKey(cellText(cells[c])));
      if (field && !found.has(field.key)) {
        found.set(field.key, {
          cell: cells[c + 1] ?? undefined,
          address: cellAddress(c + 1, r + 1),
          row: r + 1,
        });
        break;
      }
    }
  }
  return found;
}

export function readInfo(standard: Standard, sheet: SheetSnapshot | undefined): InfoResult {
  const info: ReportInfo = {
    district: null,
    districtCode: null,
    year: null,
    quarter: null,
    reportDate: null,
    department: null,
    author: null,
    phone: null,
  };
  const result: InfoResult = { info, year: null, reportDate: null, findings: [], dates: new Map() };
  if (!sheet) return result;
  const values = locateValues(standard, sheet);
  for (const field of standard.sheets.info.fields) {
    const at = values.get(field.key);
    const place: Place = {
      sheet: sheet.name,
      cell: at?.address ?? null,
      row: at?.row ?? null,
      field: field.key,
    };
    const params = { field: field.labelText.ko, fieldEn: field.labelText.en };
    const cell = at?.cell;
    if (cell?.error || isBlankCell(cell)) {
      if (field.required)
        result.findings.push(makeFinding(standard, 'missing-info', place, cell?.error ?? null, params));
      continue;
    }
    const raw = cell!.value;
    const ok = readInfoValue(standard, field, raw, result);
    if (ok === 'unreadable') {
      if (field.required) result.findings.push(makeFinding(standard, 'missing-info', place, raw, params));
      else {
        const type = standard.wording.types.phone;
        result.findings.push(
          makeFinding(standard, 'type-error', place, raw, { ...params, type: type.ko, typeEn: type.en }),
        );
      }
    } else if (ok === 'out-of-bounds') {
      const b = standard.wording.bounds;
      const fill = (s: string) => s.replace('{min}', String(field.min)).replace('{max}', String(field.max));
      result.findings.push(
        makeFinding(standard, 'constraint-error', place, raw, {
          ...params,
          detailKo: `${fill(b.min.ko)} ${fill(b.max.ko)}`,
          detailEn: `${fill(b.min.en)} ${fill(b.max.en)}`,
        }),
      );
    }
  }
  result.year = info.year;
  result.reportDate = result.dates.get('reportDate') ?? null;
  return result;
}

type Outcome = 'ok' | 'unreadable' | 'out-of-bounds';

function readInfoValue(
  standard: Standard,
  field: InfoFieldDefinition,
  raw: Cell['value'],
  result: InfoResult,
): Outcome {
  const info = result.info;
  switch (field.type) {
    case 'district': {
      const d = typeof raw === 'string' ? findDistrict(standard, raw) : null;
      if (!d) return 'unreadable';
      info.district = d.name;
      info.districtCode = d.code;
      return 'ok';
    }
    case 'integer': {
      const n = parseNumber(raw, /년$/);
      if (!Number.isInteger(n)) return 'unreadable';
      if ((field.min !== undefined && n < field.min) || (field.max !== undefined && n > field.max))
        return 'out-of-bounds';
      (info as unknown as Record<string, number>)[field.key] = n;
      return 'ok';
    }
    case 'quarter': {
      const q = parseQuarter(raw);
      if (Number.isNaN(q)) return 'unreadable';
      info.quarter = q;
      return 'ok';
    }
    case 'date': {
      const serial = parseDate(raw);
      if (Number.isNaN(serial)) return 'unreadable';
      result.dates.set(field.key, serial);
      (info as unknown as Record<string, string>)[field.key] = isoFromSerial(serial);
      return 'ok';
    }
    default: {
      const text = parseText(raw);
      if (!text) return 'unreadable';
      if (field.pattern && !new RegExp(field.pattern).test(fold(text))) return 'unreadable';
      (info as unknown as Record<string, string>)[field.key] = text;
      return 'ok';
    }
  }
}

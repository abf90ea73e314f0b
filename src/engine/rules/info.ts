// 기본정보: label in one column, value in the next (standard §1.1). A blank or unreadable required
// value is `missing-info`; everything the rows are checked against (연도, 분기, 작성일) comes from here.
// Values land in the report's `info` under each field's key, so a field a new version adds is
// reported (and stamped) without code.
import type { DistrictDefinition, InfoFieldDefinition, Standard } from '../../standard/types';
import type { Finding, ReportInfo } from '../report';
import type { Cell, SheetSnapshot } from '../snapshot';
import { isBlankCell } from '../snapshot';
import { makeFinding, type Place } from '../findings';
import { parseDate, parseNumber, parseQuarter, parseText } from '../parse';
import { isoFromSerial } from '../dates';
import { fold, headerKey } from '../text';
import { labelledValues } from '../detect';
import type { RuleOf } from './types';

export interface InfoResult {
  info: ReportInfo;
  findings: Finding[];
  /** Date fields as serial numbers, by key. */
  dates: Map<string, number>;
}

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

function emptyInfo(standard: Standard): ReportInfo {
  const info = { districtCode: null } as unknown as ReportInfo;
  for (const f of standard.sheets.info.fields) info[f.key] = null;
  return info;
}

export function readInfo(standard: Standard, sheet: SheetSnapshot | undefined): InfoResult {
  const info = emptyInfo(standard);
  const result: InfoResult = { info, findings: [], dates: new Map() };
  if (!sheet) return result;
  const labels = new Map<string, string>();
  for (const f of standard.sheets.info.fields)
    for (const l of [f.label, ...f.aliases]) if (!labels.has(headerKey(l))) labels.set(headerKey(l), f.key);
  const values = labelledValues(sheet, labels);
  for (const field of standard.sheets.info.fields) {
    const at = values.get(field.key);
    const place: Place = {
      sheet: sheet.name,
      cell: at?.address ?? null,
      row: at?.row ?? null,
      field: field.key,
    };
    const params = { field: field.labelText };
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
        result.findings.push(
          makeFinding(standard, 'type-error', place, raw, { ...params, type: standard.wording.types.phone }),
        );
      }
    } else if (ok === 'out-of-bounds') {
      result.findings.push(
        makeFinding(standard, 'constraint-error', place, raw, {
          ...params,
          detail: {
            ko: fillBetween(standard.wording.bounds.between.ko, field),
            en: fillBetween(standard.wording.bounds.between.en, field),
          },
        }),
      );
    }
  }
  return result;
}

const fillBetween = (s: string, field: InfoFieldDefinition) =>
  s.replace('{min}', String(field.min)).replace('{max}', String(field.max));

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
      info[field.key] = d.name;
      info.districtCode = d.code;
      return 'ok';
    }
    case 'integer': {
      const n = parseNumber(raw, /년$/);
      if (!Number.isInteger(n)) return 'unreadable';
      if ((field.min !== undefined && n < field.min) || (field.max !== undefined && n > field.max))
        return 'out-of-bounds';
      info[field.key] = n;
      return 'ok';
    }
    case 'quarter': {
      const q = parseQuarter(raw);
      if (Number.isNaN(q)) return 'unreadable';
      info[field.key] = q;
      return 'ok';
    }
    case 'date': {
      const serial = parseDate(raw);
      if (Number.isNaN(serial)) return 'unreadable';
      result.dates.set(field.key, serial);
      info[field.key] = isoFromSerial(serial);
      return 'ok';
    }
    default: {
      const text = parseText(raw);
      if (!text) return 'unreadable';
      if (field.pattern && !new RegExp(field.pattern).test(fold(text))) return 'unreadable';
      info[field.key] = text;
      return 'ok';
    }
  }
}

export const infoRule: RuleOf<'info'> = {
  codes: ['missing-info', 'type-error', 'constraint-error'],
  scope: 'info',
  check: readInfo,
};

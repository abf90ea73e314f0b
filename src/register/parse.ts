// Reading the register file (standard §6) from a host-neutral sheet: headers are matched as the
// standard's sheets are (§1), every row is checked, and one bad row stops the whole import — a
// register half imported would silently lock a district out or let the wrong person in.
import type { Standard } from '../standard/types';
import { newestStandard } from '../standard';
import {
  registerProblems,
  registerRules,
  registerSheet,
  type RegisterProblemCode,
} from '../standard/register';
import type { SheetSnapshot } from '../engine/snapshot';
import { isBlankCell } from '../engine/snapshot';
import { cellText, locateTable } from '../engine/locate';
import { fillText, type Params } from '../engine/findings';
import { findDistrict } from '../engine/rules/info';
import { fold } from '../engine/text';
import type {
  DistrictRegister,
  RegisterImport,
  RegisterProblem,
  RegisteredDistrict,
  Submitters,
} from './types';

const CODE = /^\d{5}$/;
const YEAR = /^(\d{4})년?$/;
/** A sign-in name: the characters Entra allows before the @, and a dotted domain. */
const UPN = /^[a-z0-9._%+'!#^~-]+@[a-z0-9-]+(\.[a-z0-9-]+)+$/i;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isSignInName(s: string): boolean {
  return UPN.test(s);
}

export function isObjectId(s: string): boolean {
  return GUID.test(s);
}

function problem(
  code: RegisterProblemCode,
  row: number | null,
  field: string | null,
  value: string | null,
  params: Params = {},
): RegisterProblem {
  const def = registerProblems[code];
  return {
    code,
    severity: def.severity,
    row,
    field,
    value,
    message: fillText(def.message, { row, value, ...params }),
  };
}

/** Entries of a cell: folded (full-width `；` and `＠` count), split, blanks dropped. */
function entries(text: string, split: RegExp): string[] {
  return fold(text)
    .split(split)
    .map((s) => s.trim())
    .filter(Boolean);
}

function readYears(text: string, row: number, standard: Standard, out: RegisterProblem[]): number[] {
  const bounds = standard.sheets.info.fields.find((f) => f.key === 'year');
  const min = bounds?.min ?? 0;
  const max = bounds?.max ?? Infinity;
  const years = new Set<number>();
  for (const e of entries(text, registerRules.splitYears)) {
    const m = YEAR.exec(e);
    const year = m ? Number(m[1]) : NaN;
    if (!(year >= min && year <= max)) {
      out.push(problem('bad-year', row, 'dueYears', e, { min, max }));
      continue;
    }
    years.add(year);
  }
  return [...years].sort((a, b) => a - b);
}

function readSubmitters(text: string, row: number, out: RegisterProblem[]): Submitters {
  const people = new Map<string, string>();
  const groups = new Map<string, string>();
  const list = entries(text, registerRules.splitSubmitters);
  const max = registerRules.limits.submitters;
  if (list.length > max) {
    out.push(problem('too-many-submitters', row, 'submitters', String(list.length), { max }));
    return { people: [], groups: [] };
  }
  for (const e of list) {
    // Case never tells two sign-in names or two ids apart: the first spelling is kept.
    if (isSignInName(e)) {
      if (!people.has(e.toLowerCase())) people.set(e.toLowerCase(), e);
    } else if (isObjectId(e)) {
      if (!groups.has(e.toLowerCase())) groups.set(e.toLowerCase(), e.toLowerCase());
    } else out.push(problem('bad-submitter', row, 'submitters', e));
  }
  return { people: [...people.values()], groups: [...groups.values()] };
}

function isCityName(standard: Standard, name: string): boolean {
  const s = fold(name).replace(/\s+/g, '');
  return s === registerRules.city.name || standard.districtPrefixes.includes(s);
}

/**
 * The register in `sheet` (the .xlsx's one sheet, or a CSV as a sheet). Problems come in row
 * order; when any is an error, `register` is null and nothing may be imported.
 */
export function parseRegister(sheet: SheetSnapshot, standard: Standard = newestStandard): RegisterImport {
  const layout = locateTable(sheet, registerSheet, standard);
  const problems: RegisterProblem[] = [];
  for (const f of layout.findings) {
    if (f.code !== 'missing-column' && f.code !== 'duplicate-column') continue;
    const def = registerSheet.columns.find((c) => c.key === f.field);
    const value = f.code === 'missing-column' ? (def?.header ?? null) : String(f.value);
    problems.push(problem(f.code, f.row, f.field, value));
  }
  if (problems.length) return { register: null, problems };

  const column = (key: string) => layout.columns.get(key)!;
  const districts: RegisteredDistrict[] = [];
  /** Known codes by the first row writing them, good or bad: not absent, and a repeat is a repeat. */
  const firstRow = new Map<string, number>();
  let officers: Submitters | null = null;
  let dataRows = 0;
  for (let r = layout.headerRow + 1; r <= sheet.rows.length; r++) {
    const cells = sheet.rows[r - 1] ?? [];
    if (registerSheet.columns.every((c) => isBlankCell(cells[column(c.key)]))) continue;
    if (++dataRows > registerRules.limits.rows) {
      problems.push(problem('too-many-rows', r, null, null, { max: registerRules.limits.rows }));
      break;
    }
    const text: Record<string, string> = {};
    let tooLong = false;
    for (const c of registerSheet.columns) {
      text[c.key] = cellText(cells[column(c.key)]).trim();
      if (text[c.key].length > registerRules.limits.cellLength) {
        tooLong = true;
        problems.push(
          problem('cell-too-long', r, c.key, null, {
            field: c.label,
            max: registerRules.limits.cellLength,
          }),
        );
      }
    }
    if (tooLong) continue;
    const code = normalCode(text.code);
    const known = isKnownCode(standard, code);
    const first = known ? firstRow.get(code) : undefined;
    if (first !== undefined) {
      const expected =
        code === registerRules.city.code ? registerRules.city.name : nameOfCode(standard, code);
      problems.push(problem('duplicate-district', r, 'code', text.code, { code, expected, first }));
      continue;
    }
    if (known) firstRow.set(code, r);
    const row = readRow(standard, r, text, problems);
    if (!row) continue;
    if (row.code === registerRules.city.code) {
      officers = row.submitters;
      if (!officers.people.length && !officers.groups.length)
        problems.push(problem('no-officers', r, 'submitters', null));
    } else {
      districts.push(row);
      if (row.dueYears.length && !row.submitters.people.length && !row.submitters.groups.length)
        problems.push(
          problem('due-without-submitters', r, 'submitters', row.name, {
            district: { ko: row.name, en: englishName(standard, row.code) },
          }),
        );
    }
  }
  const complete = !problems.some((p) => p.code === 'too-many-rows');
  if (complete && !firstRow.has(registerRules.city.code))
    problems.push(problem('missing-city', null, 'code', registerRules.city.code));
  // With bad rows, an absent district is most likely one of them: the warning would only be noise.
  const clean = !problems.some((p) => p.severity === 'error');
  for (const d of complete && clean ? standard.districts : []) {
    if (!firstRow.has(d.code))
      problems.push(
        problem('district-absent', null, 'code', d.name, {
          code: d.code,
          district: { ko: d.name, en: d.nameEn },
        }),
      );
  }
  const failed = problems.some((p) => p.severity === 'error');
  const register: DistrictRegister | null = failed ? null : { districts, officers: officers! };
  return { register, problems: sortProblems(problems) };
}

function normalCode(text: string): string {
  return fold(text).replace(/\s+/g, '');
}

function isKnownCode(standard: Standard, code: string): boolean {
  return code === registerRules.city.code || standard.districts.some((d) => d.code === code);
}

function nameOfCode(standard: Standard, code: string): string {
  return standard.districts.find((d) => d.code === code)?.name ?? code;
}

function englishName(standard: Standard, code: string): string {
  return standard.districts.find((d) => d.code === code)?.nameEn ?? code;
}

/** One row's district, or null after reporting why it is bad. */
function readRow(
  standard: Standard,
  r: number,
  text: Record<string, string>,
  problems: RegisterProblem[],
): RegisteredDistrict | null {
  const before = problems.length;
  const code = normalCode(text.code);
  const isCity = code === registerRules.city.code;
  const district = standard.districts.find((d) => d.code === code);
  let name = '';
  if (!CODE.test(code)) problems.push(problem('bad-code', r, 'code', text.code));
  else if (!isCity && !district) problems.push(problem('unknown-district', r, 'code', text.code));
  else if (isCity ? !isCityName(standard, text.name) : findDistrict(standard, text.name) !== district) {
    const expected = isCity ? registerRules.city.name : district!.name;
    problems.push(problem('name-mismatch', r, 'name', text.name, { code, expected }));
  } else name = isCity ? registerRules.city.name : district!.name;
  const dueYears = readYears(text.dueYears, r, standard, problems);
  if (isCity && dueYears.length) problems.push(problem('city-due', r, 'dueYears', text.dueYears));
  const submitters = readSubmitters(text.submitters, r, problems);
  if (problems.slice(before).some((p) => p.severity === 'error')) return null;
  return { code, name, dueYears, submitters };
}

function sortProblems(problems: RegisterProblem[]): RegisterProblem[] {
  // Row problems in row order (stable within a row), then the file-wide ones.
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => (a.p.row ?? Infinity) - (b.p.row ?? Infinity) || a.i - b.i)
    .map((x) => x.p);
}

// A filled example of the standard workbook: one district's year, generated deterministically (same
// output on every machine), clean under the standard: no error findings. It is what `delib template
// --example` writes and what the README's first command validates, so nothing binary is checked in.
import { serialFromYmd } from '../engine/dates';
import { seededRandom } from './seeded-random';
import type { ColumnDefinition, Standard } from '../standard/types';
import type { Cell, WorkbookSnapshot } from '../engine/snapshot';

export interface ExampleWorkbook {
  /** 기본정보 values by field key; dates as Excel serial numbers. */
  info: Record<string, string | number>;
  /** 숙의공론장 rows by column key (input columns only; computed ones are formulas). */
  forums: Record<string, string | number>[];
  /** 협치회의 구성 rows by column key. Names are placeholders (위원01 …), never real people. */
  council: Record<string, string | number>[];
}

export interface ExampleOptions {
  district?: string;
  year?: number;
  rows?: number;
  seed?: number;
  /** The quarter the workbook reports (default 4): its rows run from January to that quarter. */
  quarter?: 1 | 2 | 3 | 4;
  /** The council (default 20 members: 15 민간, 10 women). */
  council?: { members: number; civilian: number; female: number };
}

// 1970-01-01 as an Excel serial (1900 system).
/** Serial of a date the example is built from (always a real date). */
export function serialOf(year: number, month: number, day: number): number {
  return serialFromYmd(year, month, day)!;
}

/**
 * A value for a column the generator below does not know (one a later version added): list values
 * in turn (an optional list left blank now and then, as districts do: the 미기재 groups), small
 * counts, the row's date; optional free text stays blank, required text is filled.
 */
function filler(
  standard: Standard,
  def: ColumnDefinition,
  i: number,
  date: number,
): string | number | undefined {
  if (def.computed) return undefined;
  switch (def.type) {
    case 'enum': {
      if (!def.required && i % 7 === 6) return undefined;
      const values = (standard.enums[def.enum ?? ''] ?? []).filter((e) => !e.fallback);
      return values.length ? values[i % values.length].value : undefined;
    }
    case 'count':
    case 'integer':
      return Math.max(def.min ?? 0, 1 + (i % 5));
    case 'hours':
    case 'decimal':
      return Math.min(def.max ?? Infinity, 1 + (i % 3));
    case 'date':
      return date;
    default:
      return def.required || i % 3 === 0 ? `${def.label.ko} ${i + 1}` : undefined;
  }
}

export function exampleWorkbook(standard: Standard, options: ExampleOptions = {}): ExampleWorkbook {
  const district = options.district ?? '마포구';
  const year = options.year ?? 2021;
  const count = options.rows ?? 40;
  const next = seededRandom(options.seed ?? 20211220);
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const types = standard.enums.forumType.map((t) => t.value);
  const hosts = ['자치행정과', '협치사무국', '마을공동체과'];
  // A submission at the end of its quarter (December: the whole year), every row dated before 작성일.
  const quarter = options.quarter ?? 4;
  const reportDate = serialOf(year, quarter * 3, 20);
  const firstDay = serialOf(year, 1, 4);
  const span = serialOf(year, quarter * 3, 15) - firstDay;
  const perType = new Map<string, number>();

  const forums = Array.from({ length: count }, (_, i) => {
    const type = types[i % types.length];
    const nth = (perType.get(type) ?? 0) + 1;
    perType.set(type, nth);
    const expectedOfficial = int(1, 6);
    const expectedCivilian = int(4, 16);
    const row: Record<string, string | number> = {
      id: i + 1,
      // Evenly spread over the year so every quarter has rows; rows stay in date order.
      date: firstDay + Math.floor((span * i) / Math.max(1, count - 1)),
      name: `${type} ${nth}차`,
      type,
      host: hosts[i % hosts.length],
      hours: int(2, 6) / 2,
      expectedOfficial,
      expectedCivilian,
      // Most of those invited come, never more: the example triggers no attendance warning.
      attendedOfficial: int(Math.max(0, expectedOfficial - 1), expectedOfficial),
      attendedCivilian: int(Math.max(0, expectedCivilian - 3), expectedCivilian),
      note: '',
    };
    for (const def of standard.sheets.forums.columns) {
      if (def.key in row) continue;
      const v = filler(standard, def, i, row.date as number);
      if (v !== undefined) row[def.key] = v;
    }
    return row;
  });

  // By default 20 members: 15 민간 (75% ≥ 70%), 10 women and 10 men (50% ≥ 40%).
  const make = options.council ?? { members: 20, civilian: 15, female: 10 };
  const sectors = standard.enums.sector.map((s) => s.value);
  const civilian = standard.council.civilian.value;
  const others = sectors.filter((s) => s !== civilian);
  const { female, male } = standard.council.genders;
  const fields = ['복지', '환경', '도시재생', '교육', '문화', '안전', '일자리'];
  const council = Array.from({ length: make.members }, (_, i) => ({
    id: i + 1,
    name: `위원${String(i + 1).padStart(2, '0')}`,
    sector: i < make.civilian ? civilian : others[i % others.length],
    // Men and women alternate (a man first) until one group is complete, then the other.
    gender:
      i < 2 * Math.min(make.female, make.members - make.female)
        ? i % 2
          ? female
          : male
        : make.female > make.members - make.female
          ? female
          : male,
    field: fields[i % fields.length],
    appointedOn: serialOf(year - 1, 1, 2 + i),
  }));

  return {
    info: {
      district,
      year,
      quarter,
      department: '자치행정과 협치팀',
      author: '담당자',
      phone: '02-2133-1234',
      reportDate,
      ...Object.fromEntries(
        standard.sheets.info.fields.filter((f) => f.selectsStandard).map((f) => [f.key, standard.version]),
      ),
    },
    forums,
    council,
  };
}

/**
 * The example as the engine reads a workbook: 기본정보 label/value rows, then each table's header row
 * and records (input columns only; computed ones are the engine's own). What tests, benches and the
 * demo city validate when they do not need the .xlsx itself.
 */
export function exampleSnapshot(standard: Standard, ex: ExampleWorkbook): WorkbookSnapshot {
  const s = standard.sheets;
  const cell = (v: string | number | undefined): Cell => ({ value: v ?? null });
  const table = (cols: readonly ColumnDefinition[], records: Record<string, string | number>[]) => {
    const input = cols.filter((c) => !c.computed);
    return [input.map((c) => cell(c.header)), ...records.map((r) => input.map((c) => cell(r[c.key])))];
  };
  return {
    sheets: [
      { name: s.info.name, rows: s.info.fields.map((f) => [cell(f.label), cell(ex.info[f.key])]) },
      { name: s.forums.name, rows: table(s.forums.columns, ex.forums) },
      { name: s.council.name, rows: table(s.council.columns, ex.council) },
    ],
  };
}

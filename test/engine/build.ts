// Builds snapshots the way a district fills the workbook, for rule tests.
import type { Cell, CellValue, SheetVisibility, WorkbookSnapshot } from '../../src/engine';
import type { Standard } from '../../src/standard/types';
import { standard2021_1 } from '../../src/standard/2021.1';

export const FORUM_HEADERS = standard2021_1.sheets.forums.columns.map((c) => c.header);
export const COUNCIL_HEADERS = standard2021_1.sheets.council.columns.map((c) => c.header);

export type ForumInput = Partial<Record<string, CellValue | Cell>>;

const cellOf = (v: CellValue | Cell | undefined): Cell | null =>
  v === undefined || v === null ? null : typeof v === 'object' ? v : { value: v };

export const INFO: Record<string, CellValue> = {
  자치구: '강서구',
  연도: 2021,
  분기: '2분기',
  작성부서: '자치행정과',
  작성자: '홍길동',
  연락처: '02-2600-6000',
  작성일: '2021-06-28',
};

let nextId = 1;
/** A clean forum row; override any field by key. */
export function forum(over: ForumInput = {}): ForumInput {
  const id = nextId++;
  return {
    id,
    date: `2021-0${1 + (id % 5)}-1${id % 10}`,
    name: `회의 ${id}차`,
    type: '분과회의',
    host: '자치행정과',
    hours: 1.5,
    expectedOfficial: 4,
    expectedCivilian: 10,
    attendedOfficial: 3,
    attendedCivilian: 8,
    note: null,
    ...over,
  };
}

export function resetIds(): void {
  nextId = 1;
}

export function council(
  n: number,
  sector: (i: number) => string = (i) => (i < Math.ceil(n * 0.8) ? '민간' : '행정'),
  gender: (i: number) => string = (i) => (i % 2 ? '남' : '여'),
) {
  return Array.from({ length: n }, (_, i) => [
    i + 1,
    `위원${i + 1}`,
    sector(i),
    gender(i),
    '복지',
    '2020-01-02',
  ]);
}

export interface BuildOptions {
  /** Headers from this standard (default 2021.1) and, unless `info` is given, its 표준버전. */
  standard?: Standard;
  info?: Record<string, CellValue>;
  forums?: ForumInput[];
  headers?: string[];
  /** The field key of each header, when the headers are not the standard's own texts. */
  keys?: string[];
  titleRows?: CellValue[][];
  councilRows?: CellValue[][];
  omitSheets?: string[];
  /** More sheets after the standard ones (twins, hidden copies). */
  extraSheets?: { name: string; rows?: (Cell | null)[][]; visibility?: SheetVisibility }[];
  /** Visibility of the standard sheets by name. */
  visibility?: Record<string, SheetVisibility>;
}

export function workbook(opts: BuildOptions = {}): WorkbookSnapshot {
  const { sheets } = opts.standard ?? standard2021_1;
  const info = opts.info ?? (opts.standard ? { ...INFO, 표준버전: opts.standard.version } : INFO);
  const headers = opts.headers ?? sheets.forums.columns.map((c) => c.header);
  const keys = opts.keys ?? headers.map((h) => sheets.forums.columns.find((c) => c.header === h)?.key ?? h);
  const forumRows: (Cell | null)[][] = [
    ...(opts.titleRows ?? []).map((r) => r.map(cellOf)),
    headers.map((h) => ({ value: h })),
    ...(opts.forums ?? []).map((f) => keys.map((k) => cellOf(f[k] as CellValue | Cell | undefined))),
  ];
  const all = [
    { name: sheets.info.name, rows: Object.entries(info).map(([k, v]) => [{ value: k }, cellOf(v)]) },
    { name: sheets.forums.name, rows: forumRows },
    {
      name: sheets.council.name,
      rows: [
        COUNCIL_HEADERS.map((h) => ({ value: h })),
        ...(opts.councilRows ?? council(10)).map((r) => r.map(cellOf)),
      ],
    },
  ].map((s) => (opts.visibility?.[s.name] ? { ...s, visibility: opts.visibility[s.name] } : s));
  return {
    sheets: [
      ...all.filter((s) => !(opts.omitSheets ?? []).includes(s.name)),
      ...(opts.extraSheets ?? []).map((s) => ({ rows: [], ...s })),
    ],
  };
}

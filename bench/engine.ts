// Engine figures (npm run bench): full validation + metrics at 10k and 100k rows, one changed row
// re-validated in a 10k sheet, and per-row checking against an ajv-compiled JSON Schema of the
// same constraints (the reference for how fast a per-row check can be).
import Ajv from 'ajv';
import { performance } from 'perf_hooks';
import { revalidateRows, validateWorkbook, type Cell, type WorkbookSnapshot } from '../src/engine';
import { locateTable } from '../src/engine/locate';
import { compileStandard } from '../src/engine/compile';
import { TableState } from '../src/engine/table';
import { serialFromYmd } from '../src/engine/dates';
import { registry } from '../src/standard';
import { standard2021_1 } from '../src/standard/2021.1';
import { standard2021_2 } from '../src/standard/2021.2';
import type { Standard } from '../src/standard/types';

const { sheets } = standard2021_1;
const TYPES = standard2021_1.enums.forumType.map((t) => t.value);

const STAGES = standard2021_2.enums.stage.map((e) => e.value);
const FORMATS = standard2021_2.enums.format.map((e) => e.value);

/** 2021.2's 단계, 진행방식 (each blank on some rows: 미기재) and 관련 의제. */
function cells2021_2(i: number): Cell[] {
  return [
    { value: i % 6 === 5 ? null : STAGES[i % STAGES.length] },
    { value: i % 7 === 6 ? null : FORMATS[i % FORMATS.length] },
    { value: null },
  ];
}

/** Rows as districts fill them: mostly numbers, some counts typed as text, 1% with a problem. */
function forumCells(i: number): Cell[] {
  const junk = i % 97 === 0;
  const v = (value: Cell['value']): Cell => ({ value });
  return [
    v(i + 1),
    v(44197 + (i % 360)),
    v(`숙의공론장 ${i + 1}차`),
    v(junk ? '워킹 그룹' : TYPES[i % TYPES.length]),
    v('자치행정과'),
    v(i % 13 === 0 ? '1시간 30분' : 1 + (i % 4) * 0.5),
    v(2 + (i % 5)),
    v(i % 11 === 0 ? '12명' : 8 + (i % 7)),
    v(junk ? '세명' : 1 + (i % 2)),
    v(5 + (i % 3)),
    { value: null, formula: `=I${i + 2}+J${i + 2}` },
    { value: null, formula: `=IFERROR(K${i + 2}/(G${i + 2}+H${i + 2}),"")` },
    v(null),
  ];
}

/** A 2021.1 workbook of `rows` forums; with `standard2021_2`, its three columns and 표준버전 too. */
export function generatedWorkbook(rows: number, standard = standard2021_1): WorkbookSnapshot {
  const v2 = standard === standard2021_2;
  const header = standard.sheets.forums.columns.map((c) => ({ value: c.header }));
  const row = (i: number) => (v2 ? [...forumCells(i), ...cells2021_2(i)] : forumCells(i));
  const info = [
    ['자치구', '강서구'],
    ['연도', 2021],
    ['분기', 4],
    ['작성부서', '자치행정과'],
    ['작성자', '홍길동'],
    ['작성일', 44561],
    ...(v2 ? [['표준버전', standard.version]] : []),
  ].map((r) => r.map((value) => ({ value })));
  const council: Cell[][] = [sheets.council.columns.map((c) => ({ value: c.header }))];
  for (let i = 0; i < 20; i++)
    council.push(
      [i + 1, `위원${i}`, i < 15 ? '민간' : '행정', i % 2 ? '남' : '여', '', null].map((value) => ({
        value,
      })),
    );
  return {
    sheets: [
      { name: sheets.info.name, rows: info },
      { name: sheets.forums.name, rows: [header, ...Array.from({ length: rows }, (_, i) => row(i))] },
      { name: sheets.council.name, rows: council },
    ],
  };
}

const version = (standard: Standard) => (standard === standard2021_1 ? '' : ` (${standard.version})`);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Median of `runs` timed runs, after as many untimed ones: both sides compared hot, as in a long session. */
function time(runs: number, fn: () => void): number {
  for (let i = 0; i < runs; i++) fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    out.push(performance.now() - t);
  }
  return median(out);
}

const COUNT_TEXT = '^[0-9０-９]{1,3}(,[0-9]{3})*\\s*명?$';
const count = {
  anyOf: [
    { type: 'integer', minimum: 0 },
    { type: 'string', pattern: COUNT_TEXT },
  ],
};
/** The per-row constraints of the standard, over the same raw cell values the engine reads. */
const schema = {
  type: 'object',
  required: [
    'id',
    'date',
    'name',
    'type',
    'hours',
    'expectedOfficial',
    'expectedCivilian',
    'attendedOfficial',
    'attendedCivilian',
  ],
  properties: {
    id: { type: 'integer', minimum: 1 },
    date: {
      anyOf: [
        { type: 'number', minimum: 1, maximum: 2958465 },
        { type: 'string', pattern: '^(\\d{2}|\\d{4})\\s*[-./]\\s*\\d{1,2}\\s*[-./]\\s*\\d{1,2}\\s*\\.?$' },
      ],
    },
    name: { type: 'string', minLength: 1, maxLength: 200 },
    type: { enum: TYPES },
    host: { type: ['string', 'null'] },
    hours: {
      anyOf: [
        { type: 'number', exclusiveMinimum: 0, maximum: 24 },
        { type: 'string', pattern: '^\\d+(\\.\\d+)?\\s*(시간)?\\s*(\\d+\\s*분)?$|^\\d+\\s*분$' },
      ],
    },
    expectedOfficial: count,
    expectedCivilian: count,
    attendedOfficial: count,
    attendedCivilian: count,
    note: { type: ['string', 'null'] },
  },
};

export function benchEngine(): void {
  const results: Record<string, string>[] = [];
  // Per-row checking of the same raw cell values: the engine reads, parses and checks them; ajv
  // checks the same constraints written as a JSON Schema (text forms as patterns).
  // Measured first, on its own sheet: the phases below feed V8 rows of mixed types, which would
  // make this figure depend on what ran before it.
  const fresh = generatedWorkbook(10_000);
  const layout = locateTable(fresh.sheets[1], sheets.forums, standard2021_1);
  const period = {
    year: 2021,
    quarter: 4,
    reportDate: 44561,
    yearStart: serialFromYmd(2021, 1, 1),
    yearEnd: serialFromYmd(2021, 12, 31),
    quarterEnd: serialFromYmd(2021, 12, 31),
  };
  const table = compileStandard(standard2021_1, registry).forums;
  const ctx = new TableState(table, fresh.sheets[1], layout, period, null);
  const keys = sheets.forums.columns.map((c) => c.key);
  const rawRows = fresh.sheets[1].rows
    .slice(1)
    .map((cells) => Object.fromEntries(keys.map((k, c) => [k, cells[c]?.value ?? null])));
  const validate = new Ajv({ allErrors: true }).compile(schema);
  const engineMs = time(40, () => {
    for (let r = 2; r <= 10_001; r++) ctx.read(r);
  });
  let invalid = 0;
  const ajvMs = time(40, () => {
    invalid = 0;
    for (const rec of rawRows) if (!validate(rec)) invalid++;
  });
  results.push({
    measure: 'per-row check, engine (parse + rules), 10,000 rows',
    value: `${engineMs.toFixed(2)} ms (${((engineMs / 10_000) * 1000).toFixed(2)} µs/row)`,
    target: '',
  });
  results.push({
    measure: `per-row check, ajv compiled schema, 10,000 rows (${invalid} invalid)`,
    value: `${ajvMs.toFixed(2)} ms (${((ajvMs / 10_000) * 1000).toFixed(2)} µs/row)`,
    target: '',
  });
  results.push({ measure: 'engine ÷ ajv', value: `${(engineMs / ajvMs).toFixed(2)}×`, target: '≤ 3×' });

  // 2021.2 adds the metrics by 단계 and 진행방식: two more groupings summed on every row.
  for (const [rows, standard] of [
    [10_000, standard2021_1],
    [100_000, standard2021_1],
    [10_000, standard2021_2],
  ] as const) {
    const snap = generatedWorkbook(rows, standard);
    validateWorkbook(snap);
    const ms = time(rows > 10_000 ? 5 : 15, () => validateWorkbook(snap));
    results.push({
      measure: `full validation + metrics, ${rows.toLocaleString('en')} rows${version(standard)}`,
      value: `${ms.toFixed(1)} ms`,
      target: rows === 10_000 ? '< 50 ms' : '',
    });
  }

  for (const standard of [standard2021_1, standard2021_2]) {
    const snap = generatedWorkbook(10_000, standard);
    let live = validateWorkbook(snap);
    const forumRows = snap.sheets[1].rows;
    const stage = standard.sheets.forums.columns.findIndex((c) => c.key === 'stage');
    let n = 0;
    const incremental = time(300, () => {
      const r = 2 + ((n * 7919) % 10_000);
      (forumRows[r - 1][8] as Cell).value = n % 2 ? 3 : '네명';
      // In 2021.2 the row also moves between 단계 groups (미기재 and back).
      if (stage >= 0) forumRows[r - 1][stage] = n % 2 ? { value: '평가' } : null;
      n++;
      live = revalidateRows(live, snap, [{ sheet: sheets.forums.name, rows: [r] }]);
    });
    results.push({
      measure: `one changed row re-validated, 10,000-row sheet${version(standard)}`,
      value: `${incremental.toFixed(3)} ms`,
      target: '< 2 ms',
    });
  }

  console.log('\nEngine (median of repeated runs)');
  console.table(results);
}

if (require.main === module && !process.env.NO_BENCH) benchEngine();

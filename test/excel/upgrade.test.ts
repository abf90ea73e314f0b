// Upgrading a 2021.1 workbook to 2021.2 through Office.js (the strict stand-in): the three new
// columns go in after 비고 with their lists, 표준버전 says 2021.2, 유형's list grows, and every cell a
// district had — value, formula, number format, fill, extra column — is still there, cell by cell,
// moved only as Excel moves cells when columns are inserted. Twice is once.
import type { StandInCell, StandInSheet } from '../standins/office-js';
import { newestStandard } from '../../src/standard';
import { standard2021_1 } from '../../src/standard/2021.1';
import { standardLayout } from '../../src/workbook';
import { upgradeWorkbook } from '../../src/excel/upgrade';
import { COUNCIL, FORUMS, INFO, LETTERS, forumRow, workbook } from './fixtures';
import { type Booted, boot } from './helpers';

let booted: Booted | null = null;
afterEach(async () => {
  await booted?.session.dispose();
  booted?.standin.uninstall();
  booted = null;
});

const v1 = standardLayout(standard2021_1);
const SUMMARY = standard2021_1.sheets.summary.name;
const HEADER = v1.forums.headerRow;
const NOTE = LETTERS.note.charCodeAt(0) - 65; // 비고, the last 2021.1 column (M)
const versionRow = v1.info.rows.find((r) => r.preset !== undefined)!.row;

type Cells = Map<string, StandInCell>;

/** Every cell of a sheet as plain data, keyed `row|column` (0-based). */
function cellsOf(sheet: StandInSheet): Cells {
  const out: Cells = new Map();
  for (const [r, cols] of sheet.rows)
    for (const [c, cell] of cols)
      if (cell.value !== null || cell.formula || cell.error || cell.numberFormat || cell.fill)
        out.set(`${r}|${c}`, { ...cell });
  return out;
}

/** The cells of every sheet, by sheet name. */
function workbookCells(b: Booted): Map<string, Cells> {
  return new Map(b.standin.model.sheets.map((s) => [s.name, cellsOf(s)]));
}

/**
 * Each cell that was there before is there after, at its column moved by the insertion (`shift`),
 * with the same value, number format and fill; a formula is the same but for references Excel moved.
 */
function expectKept(
  before: Cells,
  after: Cells,
  shift: (column: number) => number,
  formula = (f: string) => f,
) {
  for (const [key, cell] of before) {
    const [r, c] = key.split('|').map(Number);
    const now = after.get(`${r}|${shift(c)}`);
    expect({ at: key, ...now, formula: now?.formula }).toEqual({
      at: key,
      ...cell,
      formula: cell.formula === undefined ? undefined : formula(cell.formula),
    });
  }
}

const after13 = (c: number) => (c > NOTE ? c + 3 : c);

describe('a 2021.1 workbook from the template', () => {
  it('is offered 2021.2 and upgraded keeping every cell; lists, 표준버전, 요약 follow 2021.2', async () => {
    booted = await boot(workbook(12, { summary: true }));
    const { session, standin } = booted;
    await session.insertStandardSheets(); // a real 2021.1 copy: table, lists, 요약 formulas
    const state = session.getState();
    expect(state.report?.standard).toBe('2021.1');
    expect(state.upgrade).toEqual({
      from: '2021.1',
      to: '2021.2',
      columns: [
        { ko: '단계', en: 'Stage' },
        { ko: '진행방식', en: 'Format' },
        { ko: '관련 의제', en: 'Related agenda' },
      ],
      after: expect.objectContaining({ ko: '비고' }),
      lists: [
        {
          column: expect.objectContaining({ ko: '유형' }),
          added: ['토론회', '설명회', '총회', '포럼', '컨설팅', '성과공유회'].map((ko) =>
            expect.objectContaining({ ko }),
          ),
        },
      ],
    });
    const before = workbookCells(booted);
    const findingsBefore = state.report!.findings.map((f) => f.code);

    await session.upgradeStandard();

    const after = workbookCells(booted);
    // Every cell but the generated titles, which now name 2021.2.
    const untitled = (sheet: string) => new Map([...before.get(sheet)!].filter(([k]) => k !== '0|0'));
    expectKept(untitled(FORUMS), after.get(FORUMS)!, after13);
    expectKept(untitled(COUNCIL), after.get(COUNCIL)!, (c) => c);
    expect(standin.user.values(COUNCIL, 'A1')[0][0]).toContain('(2021.2)');
    const infoBefore = new Map([...before.get(INFO)!].filter(([k]) => k !== `${versionRow - 1}|1`));
    expectKept(infoBefore, after.get(INFO)!, (c) => c);
    expect(standin.user.values(FORUMS, `K${HEADER}:Q${HEADER}`)).toEqual([
      ['참석인원(계)', '참석율(%)', '비고', '단계', '진행방식', '관련 의제', null],
    ]);
    expect(standin.user.values(INFO, `B${versionRow}`)).toEqual([['2021.2']]);
    const forums = standin.model.findSheet(FORUMS)!;
    const list = (column: number) =>
      (
        forums.validations.find((v) => v.box.column === column && v.box.row === HEADER)?.rule as {
          list?: { source: string };
        }
      )?.list?.source.split(',');
    expect(list(3)).toEqual(newestStandard.enums.forumType.map((t) => t.value));
    expect(list(13)).toEqual(['계획수립', '실행', '평가', '환류']);
    expect(list(14)).toEqual(['대면', '온라인', '병행']);
    // The table Excel did not widen (the columns went in at its right edge) was widened.
    expect(forums.tables.map((t) => [t.name, t.box.column, t.box.columnCount])).toEqual([
      ['tblForums', 0, 16],
    ]);
    // 요약 has a row per 2021.2 type, its generated title names 2021.2, and its figures are the engine's.
    const report = session.getState().report!;
    expect(report.standard).toBe('2021.2');
    expect(report.findings.map((f) => f.code)).toEqual(findingsBefore);
    expect(session.getState().upgrade).toBeNull();
    const labels = standin.user.values(SUMMARY, 'A10:A24').map((r) => r[0]);
    expect(labels).toEqual(newestStandard.enums.forumType.map((t) => t.value));
    expect(standin.user.values(SUMMARY, 'A1')[0][0]).toContain('(2021.2)');
    expect(standin.user.values(SUMMARY, 'B5')[0][0]).toBe(report.metrics.overall.meetings);
    expect(standin.user.values(FORUMS, 'A1')[0][0]).toContain('(2021.2)');
  });

  it('takes a bounded number of syncs, whatever the number of rows', async () => {
    for (const rows of [3, 400]) {
      booted = await boot(workbook(rows));
      const { standin } = booted;
      standin.resetStats();
      const result = await Excel.run((context) => upgradeWorkbook(context, standard2021_1, newestStandard));
      expect(result.syncs).toBe(standin.stats().syncs);
      // survey, read, write (+1 when a table is widened; none here) — never per row.
      expect(result.syncs).toBeLessThanOrEqual(4);
      // Only where a header can be is read (and 기본정보): never the forum rows.
      const { maxRows } = standard2021_1.headerSearch;
      expect(standin.stats().largestReadRows).toBeLessThanOrEqual(Math.max(maxRows, v1.info.rows.length + 1));
      await booted.session.dispose();
      booted.standin.uninstall();
      booted = null;
    }
  });

  it('upgrading twice does nothing the second time', async () => {
    booted = await boot(workbook(5, { summary: true }));
    const { session, standin } = booted;
    await session.insertStandardSheets();
    await session.upgradeStandard();
    const once = workbookCells(booted);
    const validations = JSON.stringify(
      standin.model.sheets.map((s) => [s.validations, s.tables, [...s.columnWidths]]),
    );
    standin.resetStats();
    await session.upgradeStandard();
    expect(standin.stats().syncs).toBe(0);
    expect(workbookCells(booted)).toEqual(once);
    expect(
      JSON.stringify(standin.model.sheets.map((s) => [s.validations, s.tables, [...s.columnWidths]])),
    ).toBe(validations);
    // And the upgrade itself, run again on the upgraded workbook, inserts nothing and changes no cell.
    const again = await Excel.run((context) => upgradeWorkbook(context, standard2021_1, newestStandard));
    expect(again.moved.size).toBe(0);
    expect(workbookCells(booted)).toEqual(once);
  });
});

describe('a district copy', () => {
  it('with the table moved and extra columns: inserted after 비고, extra columns and their formulas moved with them', async () => {
    // The forum table starts at C6 (two columns and two rows further), with two extra columns after
    // 비고 whose formula reads a standard column and the other extra column, and a date format of its own.
    const wb = workbook(8, { summary: true });
    const forums = wb.sheets.find((s) => s.name === FORUMS)!;
    // Its computed cells are left blank (their formulas would read the template's columns).
    const computed = v1.forums.columns.filter((c) => c.computed).map((c) => c.letter.charCodeAt(0) - 65);
    const rows = forums.rows!.map((r, i) =>
      r ? [null, null, ...r.map((v, c) => (i >= HEADER && computed.includes(c) ? null : v))] : r,
    );
    rows.unshift([], []);
    const header = HEADER + 2;
    rows[header - 1].push('담당자', '확인');
    for (let i = 0; i < 8; i++) {
      const r = header + 1 + i;
      rows[r - 1].push(`담당${i}`, `=IF(P${r}="","",H${r}*2)`);
    }
    forums.rows = rows;
    forums.numberFormats = { D: 'yyyy.mm.dd' };
    booted = await boot(wb);
    const { session, standin } = booted;
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem(FORUMS).tables.add(`C${header}:Q${header + 8}`, true).name =
        'tblForums';
      await context.sync();
    });
    standin.user.setFill(FORUMS, `P${header + 1}`, '#00B050');
    await booted.settle();
    expect(session.getState().upgrade?.to).toBe('2021.2');
    const before = workbookCells(booted);

    await session.upgradeStandard();

    const after = workbookCells(booted);
    // 비고 is column O (C + 12): the new columns are P:R, the extra columns now S:T.
    const shift = (c: number) => (c > NOTE + 2 ? c + 3 : c);
    expectKept(before.get(FORUMS)!, after.get(FORUMS)!, shift, (f) => f.replace(/P(\d+)/g, 'S$1'));
    expect(standin.user.values(FORUMS, `O${header}:T${header}`)).toEqual([
      ['비고', '단계', '진행방식', '관련 의제', '담당자', '확인'],
    ]);
    expect(standin.user.cell(FORUMS, `T${header + 1}`)?.formula).toBe(
      `=IF(S${header + 1}="","",H${header + 1}*2)`,
    );
    expect(standin.user.fill(FORUMS, `S${header + 1}`)).toBe('#00B050');
    expect(standin.user.cell(FORUMS, `D${header + 1}`)?.numberFormat).toBe('yyyy.mm.dd');
    // Inside the table: Excel widened it itself, no resize needed.
    const table = standin.model.findSheet(FORUMS)!.tables[0];
    expect([table.box.column, table.box.columnCount]).toEqual([2, 18]);
    const report = session.getState().report!;
    expect(report.standard).toBe('2021.2');
    expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(report.findings.filter((f) => f.code === 'extra-column').map((f) => f.cell)).toEqual([
      `S${header}`,
      `T${header}`,
    ]);
  });

  it('that already added 진행방식 itself gets only the other two; its values stay', async () => {
    const wb = workbook(4);
    const forums = wb.sheets.find((s) => s.name === FORUMS)!;
    forums.rows![HEADER - 1].push('진행방식');
    forums.rows![HEADER].push('온라인');
    booted = await boot(wb);
    const { session, standin } = booted;
    await session.upgradeStandard();
    expect(standin.user.values(FORUMS, `M${HEADER}:P${HEADER}`)).toEqual([
      ['비고', '단계', '진행방식', '관련 의제'],
    ]);
    expect(standin.user.values(FORUMS, `O${HEADER + 1}`)).toEqual([['온라인']]);
    expect(session.getState().report?.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('using 2021.2 types while declaring 2021.1: the enum errors go with the upgrade', async () => {
    const wb = workbook(4);
    wb.sheets.find((s) => s.name === FORUMS)!.rows![forumRow(1) - 1][3] = '토론회';
    booted = await boot(wb);
    const { session } = booted;
    expect(session.getState().report?.findings.map((f) => f.code)).toContain('enum-error');
    await session.upgradeStandard();
    expect(session.getState().report?.findings.map((f) => f.code)).not.toContain('enum-error');
  });

  it('a coloured cell right of 비고 stays managed: its colour moves with it and goes when the error does', async () => {
    // The district moved 유형 after 비고 and used a 2021.2 type: an enum-error in 2021.1, coloured.
    const wb = workbook(4);
    const forums = wb.sheets.find((s) => s.name === FORUMS)!;
    const typeColumn = LETTERS.type.charCodeAt(0) - 65;
    for (const row of forums.rows!) if (row?.length) row.push(row.splice(typeColumn, 1)[0]);
    forums.rows![forumRow(2) - 1][12] = '토론회';
    booted = await boot(wb);
    const { session, standin } = booted;
    const cell = `M${forumRow(2)}`;
    expect(standin.user.fill(FORUMS, cell)).toBe('#FFC7CE');
    await session.upgradeStandard();
    // 비고 is L now: the new columns are M:O and 유형 is P, where 토론회 is a 2021.2 type.
    expect(standin.user.values(FORUMS, `P${forumRow(2)}`)).toEqual([['토론회']]);
    expect(session.getState().report?.findings.map((f) => f.code)).not.toContain('enum-error');
    expect(standin.user.fill(FORUMS, `P${forumRow(2)}`)).toBeNull();
    expect(standin.user.fill(FORUMS, cell)).toBeNull();
  });

  it('made before 표준버전 existed: the row is added, as text', async () => {
    const wb = workbook(3);
    const info = wb.sheets.find((s) => s.name === INFO)!;
    info.rows = info.rows!.filter((r) => r?.[0] !== '표준버전');
    booted = await boot(wb);
    const { session, standin } = booted;
    await session.upgradeStandard();
    const last = info.rows.length + 1;
    expect(standin.user.values(INFO, `A${last}:B${last}`)).toEqual([['표준버전', '2021.2']]);
    expect(standin.user.cell(INFO, `B${last}`)?.numberFormat).toBe('@');
    expect(session.getState().report?.standard).toBe('2021.2');
  });

  it('without a recognisable 숙의공론장 header: a bilingual problem, nothing written', async () => {
    const wb = workbook(3);
    wb.sheets.find((s) => s.name === FORUMS)!.rows = [['메모'], ['아무거나']];
    booted = await boot(wb);
    const { session } = booted;
    const before = workbookCells(booted);
    expect(session.getState().upgrade?.to).toBe('2021.2');
    await session.upgradeStandard();
    expect(session.getState().problem?.en).toMatch(/cannot be upgraded/);
    expect(session.getState().problem?.ko).toMatch(/올릴 수 없습니다/);
    expect(workbookCells(booted)).toEqual(before);
  });
});

test('a 2021.2 workbook is offered nothing, and the intent writes nothing', async () => {
  const wb = workbook(3);
  wb.sheets.find((s) => s.name === INFO)!.rows![versionRow - 1] = ['표준버전', '2021.2'];
  booted = await boot(wb);
  const { session, standin } = booted;
  expect(session.getState().upgrade).toBeNull();
  standin.resetStats();
  await session.upgradeStandard();
  expect(standin.stats().syncs).toBe(0);
});

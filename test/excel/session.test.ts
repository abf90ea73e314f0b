// The live session against the strict Office.js stand-in: fixed syncs per pass, highlights that
// never write values, own and remote edits ignored, bursts coalesced, big pastes and sheet changes.
import { HIGHLIGHT_COLOURS } from '../../src/excel';
import { toCell } from '../../src/excel/reader';
import { installOfficeStandIn } from '../standins/office-js';
import { ExcelLiveSession } from '../../src/excel';
import { COUNCIL, FORUMS, forumCell, forumRow, forumValues, workbook } from './fixtures';
import { type Booted, boot, codes } from './helpers';

let booted: Booted | null = null;
afterEach(async () => {
  await booted?.session.dispose();
  booted?.standin.uninstall();
  booted = null;
});

async function start(
  rows: number,
  ...rest: Parameters<typeof boot> extends [unknown, ...infer R] ? R : never
) {
  booted = await boot(workbook(rows), ...rest);
  return booted;
}

test('a valid workbook reads as valid in three syncs', async () => {
  const { session, standin } = await start(100);
  const state = session.getState();
  expect(state.status).toBe('ready');
  expect(state.report?.stats).toMatchObject({ rows: 100, errors: 0 });
  expect(session.lastPassSyncs).toBe(3);
  expect(standin.stats().syncs).toBe(3);
});

test('syncs per pass stay fixed as the sheet grows from 100 to 10,000 rows', async () => {
  const measure = async (rows: number) => {
    const b = await boot(workbook(rows));
    const full = { syncs: b.session.lastPassSyncs, largest: b.standin.stats().largestReadRows };
    b.standin.resetStats();
    b.standin.user.setValues(FORUMS, forumCell('attendedCivilian', 7), [[-1]]);
    await b.settle();
    const edit = { ...b.standin.stats(), pass: b.session.lastPassSyncs };
    await b.session.dispose();
    b.standin.uninstall();
    return { full, edit };
  };
  const small = await measure(100);
  const large = await measure(10_000);
  expect(large.full.syncs).toBe(small.full.syncs);
  expect(large.full.syncs).toBeLessThanOrEqual(3);
  expect(large.full.largest).toBeLessThanOrEqual(5000);
  expect(large.edit.syncs).toBe(small.edit.syncs);
  expect(large.edit.requests).toBe(small.edit.requests);
  expect(large.edit.pass).toBe(2);
}, 60_000);

test('a bad value is highlighted, never rewritten, and its highlight clears when fixed', async () => {
  const { session, standin, settle } = await start(20);
  const cell = forumCell('attendedCivilian', 3);
  standin.user.setValues(FORUMS, cell, [['-3']]);
  await settle();
  expect(codes(session)).toContain(`constraint-error@${cell}`);
  expect(standin.user.fill(FORUMS, cell)).toBe(HIGHLIGHT_COLOURS.error);
  expect(standin.user.values(FORUMS, cell)).toEqual([[-3]]);
  standin.user.setValues(FORUMS, cell, [[6]]);
  await settle();
  expect(codes(session)).not.toContain(`constraint-error@${cell}`);
  expect(standin.user.fill(FORUMS, cell)).toBeNull();
});

test('highlight passes write fills only: every value and formula is as the user left it', async () => {
  const { session, standin, settle } = await start(50);
  const before = standin.user.values(FORUMS, 'A1:M60');
  standin.user.setValues(FORUMS, forumCell('type', 4), [['워크샵']]);
  standin.user.setValues(FORUMS, forumCell('hours', 5), [[12]]);
  await settle();
  const expected = before.map((r) => [...r]);
  expected[forumRow(4) - 1][3] = '워크샵';
  expected[forumRow(5) - 1][5] = 12;
  expect(standin.user.values(FORUMS, 'A1:M60')).toEqual(expected);
  expect(standin.user.fill(FORUMS, forumCell('type', 4))).toBe(HIGHLIGHT_COLOURS.error);
  expect(standin.user.fill(FORUMS, forumCell('hours', 5))).toBe(HIGHLIGHT_COLOURS.warning);
  await session.validateNow();
  await settle();
  expect(standin.user.values(FORUMS, 'A1:M60')).toEqual(expected);
});

test("a fix is written on the user's click, re-validated, and its own change event is ignored", async () => {
  const { session, standin, settle } = await start(20);
  const cell = forumCell('type', 2);
  standin.user.setValues(FORUMS, cell, [['워크샵']]);
  await settle();
  const finding = session.getState().report!.findings.find((f) => f.cell === cell)!;
  expect(finding.fix).toBe('워크숍');
  const passes = session.passCount;
  await session.applyFix(finding);
  await settle();
  expect(standin.user.values(FORUMS, cell)).toEqual([['워크숍']]);
  expect(standin.user.fill(FORUMS, cell)).toBeNull();
  expect(session.getState().report?.stats.errors).toBe(0);
  // One pass for the fix itself; the ThisLocalAddin event it caused starts none.
  expect(session.passCount).toBe(passes + 1);
});

test('Excel error values, typed or computed, are read as errors', async () => {
  const { session, standin, settle } = await start(10);
  standin.user.setValues(FORUMS, forumCell('attendedOfficial', 1), [['#N/A']]);
  standin.user.setValues(FORUMS, forumCell('attendedCivilian', 2), [['=1/0']]);
  await settle();
  expect(codes(session)).toEqual(
    expect.arrayContaining([
      `formula-error@${forumCell('attendedOfficial', 1)}`,
      `formula-error@${forumCell('attendedCivilian', 2)}`,
    ]),
  );
});

test("the user's own fills are never cleared", async () => {
  const { standin, settle } = await start(20);
  standin.user.setFill(FORUMS, 'M6', '#00B0F0');
  const cell = forumCell('attendedOfficial', 0);
  standin.user.setValues(FORUMS, cell, [['x']]);
  await settle();
  standin.user.setValues(FORUMS, cell, [[4]]);
  await settle();
  expect(standin.user.fill(FORUMS, 'M6')).toBe('#00B0F0');
  expect(standin.user.filledCells(FORUMS)).toEqual(['M6']);
});

test("a co-author's remote edit starts no pass, but is read with our next one", async () => {
  const { session, standin, settle } = await start(20);
  const passes = session.passCount;
  standin.resetStats();
  standin.user.remoteSetValues(FORUMS, forumCell('hours', 1), [[-2]]);
  await settle();
  expect(session.passCount).toBe(passes);
  expect(standin.stats().syncs).toBe(0);
  standin.user.setValues(FORUMS, forumCell('note', 9), [['메모']]);
  await settle();
  expect(codes(session)).toContain(`constraint-error@${forumCell('hours', 1)}`);
});

test('a burst of edits is coalesced into one pass', async () => {
  const { session, standin, settle } = await start(30, { debounceMs: 40 });
  // The first edit after a quiet moment starts a pass at once; the rest arrive during it.
  const passes = session.passCount;
  for (let i = 0; i < 8; i++) standin.user.setValues(FORUMS, forumCell('attendedOfficial', i), [[-1]]);
  await settle();
  expect(session.passCount - passes).toBeLessThanOrEqual(2);
  expect(session.getState().report?.stats.errors).toBe(8);
});

test('a 10,000-row paste is read in requests of at most 5,000 rows and validated', async () => {
  const { session, standin, settle } = await start(100);
  const rows = Array.from({ length: 10_000 }, (_, i) => {
    const v = forumValues(i);
    if (i % 1000 === 0) v[8] = -1;
    return v;
  });
  standin.resetStats();
  standin.user.setValues(FORUMS, `A${forumRow(0)}`, rows);
  await settle();
  const state = session.getState();
  expect(state.report?.stats.rows).toBe(10_000);
  expect(state.report?.stats.errors).toBe(10);
  expect(standin.stats().largestReadRows).toBeLessThanOrEqual(5000);
  expect(session.lastPassSyncs).toBe(2);
  expect(standin.user.filledCells(FORUMS)).toHaveLength(10);
}, 60_000);

test('renamed, deleted and re-added sheets are found again (ExcelApi 1.17 name events)', async () => {
  const { session, standin, settle } = await start(10, {}, { requirementSets: { ExcelApi: '1.17' } });
  standin.user.renameSheet(FORUMS, '공론장 목록');
  await settle();
  expect(codes(session)).toContain(`missing-sheet@${FORUMS}`);
  standin.user.renameSheet('공론장 목록', ` ${FORUMS} `);
  await settle();
  expect(codes(session)).not.toContain(`missing-sheet@${FORUMS}`);
  standin.user.setValues(` ${FORUMS} `, forumCell('hours', 0), [[30]]);
  await settle();
  expect(codes(session)).toContain(`constraint-error@${forumCell('hours', 0)}`);
  standin.user.deleteSheet(COUNCIL);
  await settle();
  expect(codes(session)).toContain(`missing-sheet@${COUNCIL}`);
  standin.user.addSheet(COUNCIL);
  await settle();
  expect(codes(session)).not.toContain(`missing-sheet@${COUNCIL}`);
});

test('without name events (ExcelApi 1.14) a rename is caught at the next edit', async () => {
  const { session, standin, settle } = await start(10);
  standin.user.renameSheet(FORUMS, '공론장');
  standin.user.setValues('공론장', forumCell('hours', 0), [[3]]);
  await settle();
  expect(codes(session)).toContain(`missing-sheet@${FORUMS}`);
});

test('row deletion triggers a full read', async () => {
  const { session, standin, settle } = await start(10);
  standin.user.deleteRows(FORUMS, forumRow(2), 1);
  await settle();
  expect(session.getState().report?.stats.rows).toBe(9);
  expect(codes(session)).toContain(`id-gap@${forumCell('id', 2)}`);
});

test('a new session in the same page removes the old handlers (no double passes)', async () => {
  const first = await start(10);
  const second = new ExcelLiveSession({ debounceMs: 0 });
  await second.start();
  const before = first.session.passCount;
  first.standin.user.setValues(FORUMS, forumCell('hours', 0), [[30]]);
  await first.settle();
  await second.whenIdle();
  expect(first.session.passCount).toBe(before);
  expect(second.getState().report?.stats.errors).toBe(1);
  await second.dispose();
});

test("a session of another scope (ribbon commands in a shared runtime) leaves the pane's handlers alone", async () => {
  const pane = await start(10);
  const commands = new ExcelLiveSession({ debounceMs: 0, handlerScope: 'commands' });
  await commands.start();
  await commands.dispose();
  pane.standin.user.setValues(FORUMS, forumCell('hours', 0), [[30]]);
  await pane.settle();
  expect(pane.session.getState().report?.stats.errors).toBe(1);
});

test('highlights remembered in the document are cleared by the next session once fixed', async () => {
  const first = await start(10);
  const cell = forumCell('hours', 2);
  first.standin.user.setValues(FORUMS, cell, [[-1]]);
  await first.settle();
  expect(first.standin.user.fill(FORUMS, cell)).toBe(HIGHLIGHT_COLOURS.error);
  await first.session.dispose();
  first.standin.user.setValues(FORUMS, cell, [[2]]);
  const next = new ExcelLiveSession({ debounceMs: 0 });
  await next.start();
  expect(first.standin.user.fill(FORUMS, cell)).toBeNull();
  await next.dispose();
});

test('outside Excel the session says so', async () => {
  const session = new ExcelLiveSession();
  await session.start();
  expect(session.getState().status).toBe('no-host');
  expect(session.getState().problem?.en).toMatch(/opened in Excel/);
});

test('a workbook-level failure becomes a bilingual problem, not a crash', async () => {
  const standin = installOfficeStandIn(globalThis, workbook(5));
  const session = new ExcelLiveSession({
    debounceMs: 0,
    run: async () => {
      throw Object.assign(new Error('locked'), { code: 'AccessDenied' });
    },
  });
  await session.start();
  expect(session.getState().status).toBe('error');
  expect(session.getState().problem?.ko).toMatch(/보호/);
  standin.uninstall();
});

test('text that only looks like an error value stays text (errors come from Excel, not from the spelling)', () => {
  expect(toCell('#N/A', 'General', undefined, false)).toEqual({ value: '#N/A' });
  expect(toCell('#N/A', 'General', undefined, true)).toEqual({ value: null, error: '#N/A' });
  expect(toCell('=1/0', '0.0', '#DIV/0!')).toEqual({
    value: null,
    formula: '=1/0',
    error: '#DIV/0!',
    numberFormat: '0.0',
  });
  expect(toCell('', 'yyyy-mm-dd', undefined)).toBeNull();
});

test('a read Excel refuses as too big (5 MB on the web) is done again in pieces, not lost', async () => {
  // A 150 KB cap stands in for 5 MB so a 2,000-row sheet is "too big" for one sync.
  const { session, standin, settle } = await start(2000, {}, { payloadLimitBytes: 150_000 });
  expect(session.getState().status).toBe('ready');
  expect(session.getState().report?.stats).toMatchObject({ rows: 2000, errors: 0 });
  expect(session.lastPassSyncs).toBeGreaterThan(3);
  const rows = Array.from({ length: 1500 }, (_, i) => forumValues(i).map((v, c) => (c === 9 ? -1 : v)));
  standin.user.setValues(FORUMS, `A${forumRow(0)}`, rows);
  await settle();
  expect(session.getState().report?.stats.errors).toBe(1500);
  expect(session.getState().problem).toBeNull();
});

test('disposing an old session after a new one started leaves the new one listening', async () => {
  const first = await start(10);
  const second = new ExcelLiveSession({ debounceMs: 0 });
  await second.start();
  await first.session.dispose();
  first.standin.user.setValues(FORUMS, forumCell('hours', 1), [[30]]);
  await first.settle();
  await second.whenIdle();
  expect(second.getState().report?.stats.errors).toBe(1);
  await second.dispose();
});

// Hidden and twin standard sheets in the pane (standard §5, hidden-sheet), on the strict Office.js
// stand-in: the survey reads visibility in its own request, a visibility change leads to a fresh
// pass (at once with ExcelApi 1.17's event, at the next edit without it), and the sheet the pane
// checks and colours is the one the district sees.
import { COUNCIL, FORUMS, forumCell, forumValues, workbook } from './fixtures';
import { type Booted, boot, codes } from './helpers';
import type { InitialWorkbook } from '../standins/office-js';

let booted: Booted | null = null;
afterEach(async () => {
  await booted?.session.dispose();
  booted?.standin.uninstall();
  booted = null;
});

/** The real 숙의공론장 very hidden and clean; a visible `숙의공론장 ` whose third row has errors. */
function attackersWorkbook(): InitialWorkbook {
  const wb = workbook(5);
  const real = wb.sheets.find((s) => s.name === FORUMS)!;
  real.visibility = 'VeryHidden';
  const rows = real.rows!.map((r) => (r ? [...r] : r));
  const bad = forumValues(2);
  bad[3] = '회식';
  rows[rows.length - 3] = bad;
  wb.sheets.push({ name: `${FORUMS} `, rows });
  return wb;
}

test('the attacker’s twin: the visible copy is checked and coloured, the hidden original reported', async () => {
  booted = await boot(attackersWorkbook());
  const { session, standin } = booted;
  const state = session.getState();
  expect(state.report?.valid).toBe(false);
  const found = codes(session);
  expect(found).toContain(`hidden-sheet@${FORUMS}`);
  expect(found).toContain(`enum-error@${forumCell('type', 2)}`);
  expect(state.report?.findings.find((f) => f.code === 'enum-error')?.sheet).toBe(`${FORUMS} `);
  // The colour goes on the sheet the district sees, never on the hidden one.
  expect(standin.user.fill(`${FORUMS} `, forumCell('type', 2))).not.toBeNull();
  expect(standin.user.filledCells(FORUMS)).toEqual([]);
  await session.markValidated();
  expect(session.getState().stamp.status).toBe('absent');
});

test('with ExcelApi 1.17, hiding and showing a standard sheet re-validates at once', async () => {
  booted = await boot(workbook(5), {}, { requirementSets: { ExcelApi: '1.17' } });
  const { session, standin, settle } = booted;
  expect(codes(session)).toEqual([]);
  standin.user.setVisibility(COUNCIL, 'Hidden');
  await settle();
  expect(codes(session)).toEqual([`hidden-sheet@${COUNCIL}`]);
  expect(session.lastPassSyncs).toBe(3);
  standin.user.setVisibility(COUNCIL, 'Visible');
  await settle();
  expect(codes(session)).toEqual([]);
});

test('without the event (ExcelApi 1.14) the next edit notices a hidden sheet, in one more pass', async () => {
  booted = await boot(workbook(5));
  const { session, standin, settle } = booted;
  const passes = session.passCount;
  standin.user.setVisibility(FORUMS, 'VeryHidden');
  await settle();
  expect(session.passCount).toBe(passes);
  standin.user.setValues(FORUMS, forumCell('hours', 1), [[3]]);
  await settle();
  expect(codes(session)).toContain(`hidden-sheet@${FORUMS}`);
});

test('a full pass still takes three syncs: visibility rides along with the sheet list', async () => {
  booted = await boot(workbook(50), {}, { requirementSets: { ExcelApi: '1.17' } });
  expect(booted.session.lastPassSyncs).toBe(3);
  booted.standin.resetStats();
  // An edit's pass reads the row and the sheet list in one sync (one more only to colour cells).
  booted.standin.user.setValues(FORUMS, forumCell('hours', 3), [[2.5]]);
  await booted.settle();
  expect(booted.session.lastPassSyncs).toBe(1);
  booted.standin.user.setValues(FORUMS, forumCell('hours', 3), [[-1]]);
  await booted.settle();
  expect(booted.session.lastPassSyncs).toBe(2);
});

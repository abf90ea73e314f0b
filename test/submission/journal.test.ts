// The journal is a hint. A forged one — every row "confirmed", a phishing file address, a backdated
// receipt, another submission's item id, phase "done" — beside the workbook (CLI) or in the workbook's
// settings (pane) changes nothing SharePoint ends up holding: every row is sent, the item points at
// the file Graph stored, its time and submitter are SharePoint's, and the real submission it replaces
// is superseded only once the new rows are all there.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/main';
import { ENGINE_VERSION, validateWorkbook } from '../../src/engine';
import { memorySettings } from '../../src/excel/settings';
import { parseConfig } from '../../src/config';
import { readWorkbookFile } from '../../src/xlsx/read';
import { buildPlan } from '../../src/submission/plan';
import { JOURNAL_KEY, settingsStore } from '../../src/taskpane/submit/office';
import { createSubmitService } from '../../src/taskpane/submit/service';
import type { Validation } from '../../src/engine';
import { DEFAULT_USERS } from '../../devtools/graph-standin';
import { STANDIN_TOKEN } from '../../src/auth/standin';
import { editCount, exampleSnapshot } from './example';
import { KIM, LEE, USERS, expectExactly, listItems, SITE, startHarness, type Harness } from './harness';
import { io, sample, session } from './doubles';
import { xlsxOfSnapshot } from '../stamp/xlsx-fixture';

const PHISH = 'https://evil.example/phish.xlsx';
const BACKDATED = '2020-01-02T03:04:05.000Z';
const NOW = Date.parse('2021-03-30T05:02:00Z');

/** What an attacker writes: the journal format of every version so far, claiming everything done. */
function forged(submissionId: string, districtYear: string, rowCount: number, itemId: string | null) {
  const receipt = {
    submissionId,
    submittedAt: BACKDATED,
    submittedBy: { id: 'x', displayName: '시장', email: 'mayor@seoul.example.kr' },
    status: 'current',
    district: '강서구',
    districtCode: '11500',
    year: 2021,
    quarter: 1,
    rowCount,
    stampHash: 'f'.repeat(64),
    itemUrl: PHISH,
    fileUrl: PHISH,
  };
  return (version: number, phase: string) => ({
    version,
    submissionId,
    districtYear,
    phase,
    startedAt: BACKDATED,
    rowCount,
    confirmed: `0-${rowCount - 1}`,
    fileUrl: PHISH,
    submissionItemId: itemId,
    receipt,
  });
}

describe('a forged journal beside the workbook (delib submit)', () => {
  let h: Harness;
  let dir: string;
  beforeEach(async () => {
    h = await startHarness({ users: { ...USERS, ...DEFAULT_USERS }, now: () => new Date(NOW) });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'delib-forged-'));
    fs.copyFileSync(sample, path.join(dir, 'gangseo.xlsx'));
  });
  afterEach(async () => {
    await h.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test.each([
    [1, 'finalise'],
    [1, 'done'],
    [2, 'done'],
  ])('journal version %i, phase %s: every row sent, Graph’s file, SharePoint’s time', async (v, phase) => {
    const { snapshot } = await readWorkbookFile(path.join(dir, 'gangseo.xlsx'));
    const plan = buildPlan(validateWorkbook(snapshot), { engine: ENGINE_VERSION });
    const journal = forged(plan.submissionId, plan.districtYear, plan.rows.length, '1')(v, phase);
    fs.writeFileSync(path.join(dir, 'gangseo.xlsx.delib-submit.json'), JSON.stringify(journal));

    const out = io(dir, { DELIB_GRAPH_TOKEN: KIM });
    expect(await main(['submit', 'gangseo.xlsx', '--graph-root', h.standIn.url], out)).toBe(0);

    expectExactly(
      listItems(h.standIn, 'Forums'),
      plan.rows.map((r) => r.key),
    );
    const [item] = listItems(h.standIn, 'Submissions');
    expect(listItems(h.standIn, 'Submissions')).toHaveLength(1);
    expect(item.fields.WorkbookUrl).not.toBe(PHISH);
    expect(h.standIn.sites()[0].files).toHaveLength(1);
    expect(String(item.fields.WorkbookUrl)).toMatch(
      /^https:\/\/seoul\.sharepoint\.com\/sites\/delib\/Shared%20Documents\/.*11500-2021-[0-9a-f]{16}\.xlsx$/,
    );
    expect(item.createdDateTime).toBe(new Date(NOW).toISOString());
    expect(item.createdBy?.user.email).toBe(USERS[KIM].userPrincipalName);
    // The receipt printed is what SharePoint holds.
    expect(out.stdout).toContain(`submitted at (SharePoint): ${new Date(NOW).toISOString()}`);
    expect(out.stdout).toContain(USERS[KIM].userPrincipalName);
    expect(out.stdout + out.stderr).not.toContain(BACKDATED);
    expect(out.stdout + out.stderr).not.toContain(PHISH);
    expect(out.stdout + out.stderr).not.toContain('mayor@');
  });

  test('--by is gone: the submitter is the signed-in account', async () => {
    const out = io(dir);
    expect(await main(['submit', 'gangseo.xlsx', '--by', '시장', '--graph-root', h.standIn.url], out)).toBe(
      2,
    );
    expect(out.stderr).toContain('--by');
    expect(listItems(h.standIn, 'Forums')).toHaveLength(0);
    // Without a token in the environment the CLI signs in as the stand-in's development user.
    const dev = io(dir);
    expect(await main(['submit', 'gangseo.xlsx', '--graph-root', h.standIn.url], dev)).toBe(0);
    expect(listItems(h.standIn, 'Submissions')[0].createdBy?.user.email).toBe(
      DEFAULT_USERS[STANDIN_TOKEN].userPrincipalName,
    );
  });
});

describe('a forged journal in the workbook’s settings (the pane)', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness({ now: () => new Date(NOW) });
  });
  afterEach(() => h.close());

  // The workbook file itself (its name-free copy is what goes up).
  const xlsx = xlsxOfSnapshot(exampleSnapshot(60, { seed: 41 }));
  const pane = (validation: Validation, settings: ReturnType<typeof memorySettings>, token: string) =>
    createSubmitService({
      session: session(validation),
      config: parseConfig({ graphRoot: h.standIn.url, site: SITE }),
      tokens: { getToken: async () => token },
      store: settingsStore(settings),
      file: () => ({ name: 'w.xlsx', bytes: () => xlsx }),
    });

  test('cannot skip the new rows, retarget or backdate the item, nor supersede the real submission early', async () => {
    const base = exampleSnapshot(60, { seed: 41 });
    const real = validateWorkbook(base);
    const edited = validateWorkbook(editCount(base, 9));
    const signal = new AbortController().signal;
    const first = await pane(real, memorySettings(), KIM).submit({ signal, onProgress: () => undefined });
    expect(first.ok).toBe(true);
    const realPlan = buildPlan(real, { engine: ENGINE_VERSION });
    const realItem = listItems(h.standIn, 'Submissions')[0];

    // The next workbook's journal, forged: all rows confirmed, the real submission's item id.
    const plan = buildPlan(edited, { engine: ENGINE_VERSION });
    const settings = memorySettings();
    await settings.save(
      JOURNAL_KEY,
      forged(plan.submissionId, plan.districtYear, plan.rows.length, realItem.id)(1, 'finalise'),
    );
    // Until the edited rows are all stored, the real submission stays current: checked at every write.
    const seen: string[] = [];
    const violations: string[] = [];
    h.standIn.watch(() => {
      const subs = listItems(h.standIn, 'Submissions');
      const current = subs
        .filter((s) => s.fields.Status === 'current')
        .map((s) => String(s.fields.SubmissionKey));
      if (current.length > 1) violations.push(`two current: ${current.join(', ')}`);
      if (current[0] === plan.submissionId) {
        const stored = listItems(h.standIn, 'Forums').filter(
          (f) => f.fields.SubmissionId === plan.submissionId,
        );
        if (stored.length !== plan.rows.length) violations.push(`current with ${stored.length} rows`);
      }
      seen.push(current[0] ?? '-');
    });
    const outcome = await pane(edited, settings, LEE).submit({ signal, onProgress: () => undefined });
    expect(outcome).toMatchObject({
      ok: true,
      receipt: {
        submissionId: plan.submissionId,
        submittedAt: new Date(NOW).toISOString(),
        submittedBy: { email: USERS[LEE].userPrincipalName, displayName: USERS[LEE].displayName },
        status: 'current',
      },
    });
    if (!outcome.ok) return;
    expect(outcome.receipt.fileUrl).not.toBe(PHISH);
    expect(outcome.receipt.fileUrl).toMatch(
      /^https:\/\/seoul\.sharepoint\.com\/sites\/delib\/Shared%20Documents\/.*\.xlsx$/,
    );
    expect(seen).toContain(plan.submissionId);
    expect(violations).toEqual([]);

    expectExactly(
      listItems(h.standIn, 'Forums'),
      [...realPlan.rows, ...plan.rows].map((r) => r.key),
    );
    const subs = Object.fromEntries(
      listItems(h.standIn, 'Submissions').map((i) => [i.fields.SubmissionKey, i]),
    );
    expect(subs[realPlan.submissionId].fields.Status).toBe('superseded');
    // The real submission's item was not rewritten into the new one (its key, file and creator stand).
    expect(subs[realPlan.submissionId].fields.RowCount).toBe(60);
    expect(subs[realPlan.submissionId].createdBy?.user.email).toBe(USERS[KIM].userPrincipalName);
    expect(subs[plan.submissionId].fields.WorkbookUrl).toBe(outcome.receipt.fileUrl);
    // The journal now left in the settings is progress only: no address, no time, no receipt.
    const left = JSON.stringify(settings.load(JOURNAL_KEY));
    expect(left).not.toContain('http');
    expect(left).not.toContain(BACKDATED);
    expect(left).not.toContain('receipt');
  });
});

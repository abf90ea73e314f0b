// Who may submit, decided by the district register and the signed-in account — never the workbook:
// someone not on the register for the district is refused in the CLI and the pane before anything is
// written; a district's officer on the register by group is recognised; a city officer submits on the
// district's behalf and the item says so; a submission whose creator is not on the register (made
// straight in SharePoint, or by someone since removed from the register) never supersedes anything,
// judged from the register as it is at completion time.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ENGINE_VERSION, validateWorkbook } from '../../src/engine';
import { main } from '../../src/cli/main';
import { memorySettings } from '../../src/excel/settings';
import { parseConfig } from '../../src/config';
import { createSubmitService } from '../../src/taskpane/submit/service';
import { settingsStore, JOURNAL_KEY } from '../../src/taskpane/submit/office';
import { buildPlan, type SubmissionPlan } from '../../src/submission/plan';
import { runSubmission } from '../../src/submission/runner';
import { cityCopyOf } from '../../src/xlsx/name-free';
import { submitWorkbook } from '../../src/submission/flow';
import { receiptLines } from '../../src/submission/receipt';
import type { SubmissionTarget, SubmitOutcome } from '../../src/submission/types';
import { submissionFields } from '../../src/graph/target';
import { DISTRICT_COLUMNS } from '../../src/graph/schema';
import { statusBoard } from '../../src/city';
import type { SubmissionRecord } from '../../src/city/types';
import type { Quarter } from '../../src/engine/report';
import { newestStandard } from '../../src/standard';
import { editCount, exampleSnapshot } from './example';
import { io, sample, session } from './doubles';
import {
  KIM,
  LEE,
  OUT,
  PARK,
  SITE,
  USERS,
  expectSettled,
  graphFor,
  listItems,
  memoryStore,
  startHarness,
  testRegister,
  type Harness,
} from './harness';

const ctx = { engine: ENGINE_VERSION };

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.close());

const plan = (district = '강서구', seed = 80, edit?: number): SubmissionPlan => {
  const snapshot = exampleSnapshot(20, { district, seed });
  return buildPlan(validateWorkbook(edit ? editCount(snapshot, edit) : snapshot), ctx);
};

const run = (
  p: SubmissionPlan,
  token: string,
  target: SubmissionTarget = graphFor(h.standIn.url, 4, 5000, token).target,
) =>
  runSubmission({ plan: p, target, store: memoryStore(), file: null, signal: new AbortController().signal });

/** Everything SharePoint holds: lists, items and files. */
const everything = () => JSON.stringify(h.standIn.sites());

function expectRefusal(outcome: SubmitOutcome, account: string, district: RegExp): void {
  expect(outcome.ok).toBe(false);
  if (outcome.ok) return;
  expect(outcome.problem.ko).toContain(account);
  expect(outcome.problem.en).toContain(account);
  expect(outcome.problem.ko).toMatch(district);
  expect(outcome.problem.en).toMatch(district);
  expect(outcome.problem.ko).toContain('서울협치담당관');
  expect(outcome.problem.en).toContain('서울협치담당관');
  expect(outcome.problem.en).not.toMatch(/submitting again resumes/i);
}

/** Changes one district's row in the Districts list, as a city officer editing the list would. */
function setSubmitters(code: string, submitters: string): void {
  const site = h.standIn.sites().find((s) => s.path === SITE.path)!;
  const item = site.lists
    .find((l) => l.name === 'Districts')!
    .items.find((i) => i.fields[DISTRICT_COLUMNS.code] === code)!;
  item.fields[DISTRICT_COLUMNS.submitters] = submitters;
}

describe('refused before anything is written', () => {
  test('the CLI: an account on no row of the register, for 강서구', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'delib-refused-'));
    try {
      fs.copyFileSync(sample, path.join(dir, 'gangseo.xlsx'));
      const before = everything();
      const out = io(dir, { DELIB_GRAPH_TOKEN: OUT });
      expect(await main(['submit', 'gangseo.xlsx', '--graph-root', h.standIn.url], out)).toBe(1);
      expect(out.stderr).toContain(USERS[OUT].userPrincipalName);
      expect(out.stderr).toContain('강서구');
      expect(out.stderr).toContain('Gangseo-gu');
      expect(out.stderr).toContain('서울협치담당관');
      expect(everything()).toBe(before);
      // Not even a journal: nothing was started.
      expect(fs.existsSync(path.join(dir, 'gangseo.xlsx.delib-submit.json'))).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('the pane: a district officer of 강서구 submitting a 종로구 workbook', async () => {
    const settings = memorySettings();
    const service = createSubmitService({
      session: session(validateWorkbook(exampleSnapshot(8, { district: '종로구', seed: 81 }))),
      config: parseConfig({ graphRoot: h.standIn.url, site: SITE }),
      tokens: { getToken: async () => PARK },
      store: settingsStore(settings),
      file: () => ({ name: 'w.xlsx', bytes: async () => new Uint8Array([80, 75, 3, 4]) }),
    });
    const before = everything();
    const outcome = await service.submit({
      signal: new AbortController().signal,
      onProgress: () => undefined,
    });
    expectRefusal(outcome, USERS[PARK].userPrincipalName, /종로구/);
    expect(everything()).toBe(before);
    expect(settings.load(JOURNAL_KEY)).toBeNull();
  });

  test('an empty register, or one mistyped in SharePoint, lets nobody submit', async () => {
    const site = h.standIn.sites().find((s) => s.path === SITE.path)!;
    const districts = site.lists.find((l) => l.name === 'Districts')!;
    const city = districts.items.find((i) => i.fields[DISTRICT_COLUMNS.code] === '11000')!;
    city.fields[DISTRICT_COLUMNS.dueYears] = '이천이십일';
    const bad = await run(plan(), KIM);
    expect(bad.ok ? null : bad.problem.en).toMatch(/register .* cannot be read.*due year/);
    districts.items.splice(0);
    const empty = await run(plan(), KIM);
    expect(empty.ok ? null : empty.problem).toEqual({
      ko: expect.stringContaining("명부(SharePoint 'Districts' 목록)가 비어"),
      en: expect.stringContaining('is empty'),
    });
    expect(listItems(h.standIn, 'Forums')).toEqual([]);
    expect(listItems(h.standIn, 'Submissions')).toEqual([]);
    expect(site.files).toEqual([]);
  });
});

describe('who is on the register', () => {
  test('a district officer registered by group only is admitted as the district', async () => {
    const outcome = await run(plan(), PARK);
    expect(outcome).toMatchObject({ ok: true, notes: [], receipt: { onBehalf: false, status: 'current' } });
    const [item] = listItems(h.standIn, 'Submissions');
    expect(item.createdBy?.user.email).toBe(USERS[PARK].userPrincipalName);
    expect(item.fields.OnBehalf).toBe(false);
  });

  test('a city officer submits on the district’s behalf: the officer is the creator, the item says so, the board counts it', async () => {
    const p = plan();
    const outcome = await submitWorkbook({
      validation: validateWorkbook(exampleSnapshot(20, { seed: 80 })),
      engine: ENGINE_VERSION,
      target: graphFor(h.standIn.url, 4, 5000, LEE).target,
      store: memoryStore(),
      file: null,
      nameFree: cityCopyOf,
      signal: new AbortController().signal,
    });
    expect(outcome).toMatchObject({ ok: true, receipt: { submissionId: p.submissionId, onBehalf: true } });
    if (!outcome.ok) return;
    expect(outcome.notes.map((n) => n.en)).toEqual([
      expect.stringContaining('on behalf of Gangseo-gu (강서구)'),
    ]);
    expect(receiptLines(outcome.receipt).join('\n')).toContain('by a city officer for the district');
    const [item] = listItems(h.standIn, 'Submissions');
    expect(item.createdBy?.user.email).toBe(USERS[LEE].userPrincipalName);
    expect(item.fields).toMatchObject({ OnBehalf: true, District: '강서구', Status: 'current' });

    // What the city's desk reads of that item: on time, on behalf, not "needs review".
    const record: SubmissionRecord = {
      submissionId: String(item.fields.SubmissionKey),
      districtCode: String(item.fields.DistrictCode),
      district: String(item.fields.District),
      year: Number(item.fields.Year),
      quarter: p.quarter as Quarter,
      status: 'current',
      createdBy: {
        upn: item.createdBy!.user.email,
        displayName: item.createdBy!.user.displayName,
        id: item.createdBy!.user.id,
      },
      createdAt: '2021-12-20T01:00:00Z',
      fileUrl: null,
      onBehalf: item.fields.OnBehalf === true,
      standardVersion: String(item.fields.StandardVersion),
      stampHash: String(item.fields.StampHash),
      metrics: p.metrics.overall,
      metricsByQuarter: null,
      council: null,
    };
    const board = statusBoard({
      submissions: [record],
      register: testRegister(),
      year: 2021,
      quarter: p.quarter as Quarter,
      now: new Date('2022-01-10T00:00:00Z'),
    });
    const row = board.rows.find((r) => r.districtCode === '11500')!;
    expect(row.state).toBe('on-time');
    expect(row.current?.onBehalf).toBe(true);
  });

  test('a district not due that year: accepted, with a note saying so', async () => {
    const outcome = await run(plan('서초구', 82), LEE);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.notes.map((n) => n.en)).toEqual([
      expect.stringContaining('on behalf of Seocho-gu (서초구)'),
      expect.stringContaining('not due in 2021'),
    ]);
    expect(outcome.notes.map((n) => n.ko)).toEqual([
      expect.stringContaining('대신해 제출'),
      expect.stringContaining('2021년 제출 대상이 아닙니다'),
    ]);
  });
});

describe('a creator off the register never supersedes anything', () => {
  test('removed from the register while submitting: refused at completion, the current submission stands', async () => {
    const v1 = plan('마포구', 83);
    const v2 = plan('마포구', 83, 5);
    expect((await run(v1, KIM)).ok).toBe(true);
    const real = graphFor(h.standIn.url, 4, 5000, KIM).target;
    // The city removes KIM from 마포구's row after the rows went in, before the run completes.
    const target: SubmissionTarget = {
      checkSchema: () => real.checkSchema(),
      admit: (p) => real.admit(p),
      uploadWorkbook: (p, f) => real.uploadWorkbook(p, f),
      findWorkbook: (p) => real.findWorkbook(p),
      sendRows: (p, rows, o) => real.sendRows(p, rows, o),
      storedRowKeys: (p) => real.storedRowKeys(p),
      complete: (p, url, o) => {
        setSubmitters('11440', 'new.officer@mapo.example.kr');
        return real.complete(p, url, o);
      },
    };
    const outcome = await run(v2, KIM, target);
    expectRefusal(outcome, USERS[KIM].userPrincipalName, /마포구/);
    const subs = listItems(h.standIn, 'Submissions');
    expect(subs.map((s) => [s.fields.SubmissionKey, s.fields.Status])).toEqual([
      [v1.submissionId, 'current'],
    ]);
    const current = listItems(h.standIn, 'Forums').filter((f) => f.fields.Status === 'current');
    expect(
      new Set(current.filter((f) => f.fields.SubmissionId === v1.submissionId).map((f) => f.fields.RowKey))
        .size,
    ).toBe(20);
  });

  test('identical data first submitted by someone since removed cannot come back over the current one', async () => {
    const v1 = plan('마포구', 84);
    const v2 = plan('마포구', 84, 7);
    expect((await run(v1, KIM)).ok).toBe(true);
    setSubmitters('11440', USERS[LEE].userPrincipalName);
    // A newer submission by someone on the register supersedes KIM's, as any newer one does.
    expect((await run(v2, LEE)).ok).toBe(true);
    expectSettled(h.standIn, v2, [v1]);
    // Going back to v1's data would make KIM's item (KIM is off the register now) current over v2.
    const before = everything();
    const back = await run(v1, LEE);
    expect(back.ok).toBe(false);
    if (!back.ok) {
      expect(back.problem.en).toContain(USERS[KIM].userPrincipalName);
      expect(back.problem.en).toMatch(/not on the register for Mapo-gu/);
      expect(back.problem.ko).toContain('서울협치담당관');
    }
    expect(everything()).toBe(before);
    expectSettled(h.standIn, v2, [v1]);
  });

  test('an item made straight in SharePoint by an outsider, while a submission completes, never wins', async () => {
    // 마포구's row and the city's name people only: OUT is provably off the register (a group on the
    // row would leave a client unable to rule OUT out, and then it gives the benefit of the doubt).
    const v1 = plan('마포구', 85);
    const planted: Record<string, unknown> = {
      ...submissionFields(plan('마포구', 85, 3), newestStandard, null),
      Status: 'current',
    };
    let seeded = false;
    h.standIn.watch(() => {
      const own = listItems(h.standIn, 'Submissions').find((s) => s.fields.SubmissionKey === v1.submissionId);
      if (seeded || own?.fields.Status !== 'current') return;
      seeded = true;
      // Made current after KIM's item: on the old rule (the item made current last wins) it would win.
      h.standIn.seed(
        SITE.path,
        'Submissions',
        [
          Object.fromEntries(Object.entries(planted).filter(([, v]) => v !== null)) as Record<
            string,
            string | number
          >,
        ],
        USERS[OUT],
      );
    });
    const outcome = await run(v1, KIM);
    expect(seeded).toBe(true);
    expect(outcome).toMatchObject({
      ok: true,
      receipt: { submissionId: v1.submissionId, status: 'current' },
    });
    const byKey = Object.fromEntries(
      listItems(h.standIn, 'Submissions').map((s) => [s.fields.SubmissionKey, s]),
    );
    expect(byKey[v1.submissionId].fields.Status).toBe('current');
    expect(byKey[String(planted.SubmissionKey)].fields.Status).toBe('superseded');
  });

  test('an outsider’s planted item under the key of data a district then submits is not made current over another', async () => {
    const v1 = plan('강서구', 86);
    const v2 = plan('강서구', 86, 2);
    expect((await run(v1, KIM)).ok).toBe(true);
    // Someone outside the register put v2's item (and nothing else) into SharePoint by hand.
    const fields = Object.fromEntries(
      Object.entries({ ...submissionFields(v2, newestStandard, null), Status: 'superseded' }).filter(
        ([, v]) => v !== null,
      ),
    ) as Record<string, string | number>;
    h.standIn.seed(SITE.path, 'Submissions', [fields], USERS[OUT]);
    // 강서구's row names a group, so a client cannot rule out that OUT is in it: only a register of
    // names makes the outsider provably off it.
    setSubmitters('11500', USERS[KIM].userPrincipalName);
    const before = everything();
    const outcome = await run(v2, KIM);
    expect(outcome.ok ? null : outcome.problem.en).toMatch(/already submitted by out@elsewhere\.example\.kr/);
    expect(everything()).toBe(before);
    expect(
      listItems(h.standIn, 'Submissions').find((s) => s.fields.SubmissionKey === v1.submissionId)?.fields
        .Status,
    ).toBe('current');
  });
});

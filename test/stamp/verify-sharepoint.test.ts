// `delib verify --sharepoint` against the Graph stand-in, one test per outcome: the data's hash found
// in Submissions (current or superseded), made by a registered submitter, by a city officer on the
// district's behalf, by someone off the register, not found at all, and SharePoint out of reach.
// Who and when are the Submissions item's createdBy and createdDateTime, never the workbook's.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ENGINE_VERSION, validateWorkbook, type Validation } from '../../src/engine';
import { writeRegister } from '../../src/graph/districts';
import type { DistrictRegister } from '../../src/register';
import { councilNamesOf } from '../../src/stamp/copy';
import { buildPlan } from '../../src/submission/plan';
import { runSubmission } from '../../src/submission/runner';
import { nameFreeWorkbookFile } from '../../src/xlsx/name-free';
import { readWorkbookBuffer } from '../../src/xlsx/read';
import { FORUMS, forumCell, workbook } from '../excel/fixtures';
import { boot } from '../excel/helpers';
import type { OfficeStandIn } from '../standins/office-js';
import { KIM, LEE, SITE, graphFor, memoryStore, startHarness, type Harness } from '../submission/harness';
import { xlsxOfStandIn } from './xlsx-fixture';
import { runVerify } from './run-verify';
import { standardLayout } from '../../src/workbook';
import { standard2021_1 } from '../../src/standard/2021.1';

const dir = mkdtempSync(path.join(tmpdir(), 'delib-verify-sp-'));
const INFO = standardLayout(standard2021_1).info;
const infoCell = (key: string) => `B${INFO.rows.find((r) => r.key === key)!.row}`;

const register = (gangseo: string[], officers: string[] = ['lee@seoul.example.kr']): DistrictRegister => ({
  districts: [
    { code: '11500', name: '강서구', dueYears: [2021], submitters: { people: gangseo, groups: [] } },
  ],
  officers: { people: officers, groups: [] },
});

async function stamped(edit?: (s: OfficeStandIn) => void): Promise<Buffer> {
  const { session, standin } = await boot(workbook(6, { summary: true }), { userName: '김강서' });
  edit?.(standin);
  await session.markValidated();
  await session.dispose();
  const bytes = await xlsxOfStandIn(standin);
  standin.uninstall();
  return bytes;
}

const validationOf = async (bytes: Buffer): Promise<Validation> =>
  validateWorkbook((await readWorkbookBuffer(bytes, 'w.xlsx')).snapshot);

/** Submits the workbook (its name-free copy uploaded) as the holder of `token`. */
async function submit(h: Harness, bytes: Buffer, token = KIM): Promise<void> {
  const v = await validationOf(bytes);
  const outcome = await runSubmission({
    plan: buildPlan(v, { engine: ENGINE_VERSION }),
    target: graphFor(h.standIn.url, 4, 5000, token).target,
    store: memoryStore(),
    file: nameFreeWorkbookFile({ name: 'w.xlsx', bytes: async () => bytes }, councilNamesOf(v)),
    signal: new AbortController().signal,
  });
  if (!outcome.ok) throw new Error(outcome.problem.en);
}

async function verify(h: Harness, bytes: Uint8Array, name: string, token = LEE) {
  writeFileSync(path.join(dir, name), bytes);
  const args = [name, '--sharepoint', '--graph-root', h.standIn.url];
  const env = { DELIB_GRAPH_TOKEN: token };
  const text = await runVerify(dir, [...args, '--lang', 'en'], env);
  const json = await runVerify(dir, [...args, '--format', 'json'], env);
  return { ...text, result: json.out ? JSON.parse(json.out) : null };
}

describe('delib verify --sharepoint', () => {
  let h: Harness;
  let site: ReturnType<typeof graphFor>['site'];
  beforeEach(async () => {
    h = await startHarness();
    site = graphFor(h.standIn.url, 4, 5000, LEE).site;
  });
  afterEach(() => h.close());

  it('matches the current submission by a registered submitter: exit 0, SharePoint’s who and when', async () => {
    await writeRegister(site, register(['kim@gangseo.example.kr']));
    const bytes = await stamped();
    await submit(h, bytes);
    const r = await verify(h, bytes, 'submitted.xlsx');
    expect(r.err).toBe('');
    expect(r.out).toMatch(
      /✓ matches 강서구 2021 Q4, received \d{4}-\d\d-\d\d \d\d:\d\d \(Korea time\) from kim@gangseo\.example\.kr \(current\)/,
    );
    expect(r.out).toMatch(
      /일치: 강서구 2021년 4분기, .*\(한국 시각\) 접수, 제출자 kim@gangseo\.example\.kr \(현재 제출\)/,
    );
    expect(r.code).toBe(0);
    const [match] = r.result.sharepoint.matches;
    expect(match).toMatchObject({ role: 'district', agrees: true, submission: { status: 'current' } });
    // SharePoint's record: the item's creator and creation time, not the stamp's by (김강서).
    const item = h.standIn.sites()[0].lists.find((l) => l.name === 'Submissions')!.items[0];
    expect(match.submission.createdAt).toBe(item.createdDateTime);
    expect(match.submission.createdBy.upn).toBe('kim@gangseo.example.kr');
  });

  it('finds it in a Submissions list past the view threshold (StampHash is indexed)', async () => {
    await writeRegister(site, register(['kim@gangseo.example.kr']));
    const rows = Array.from({ length: 6_000 }, (_, i) => ({
      Title: `old-${i}`,
      SubmissionKey: `old-${i}`,
      SubmissionId: `old-${i}`,
      DistrictYear: `11500-${2000 + (i % 20)}`,
      StampHash: i.toString(16).padStart(64, '0'),
      Status: 'superseded',
    }));
    h.standIn.seed(SITE.path, 'Submissions', rows);
    const bytes = await stamped();
    await submit(h, bytes);
    h.standIn.resetStats();
    const r = await verify(h, bytes, 'big-list.xlsx');
    expect(r.out).toMatch(/✓ matches 강서구 2021 Q4/);
    expect(r.code).toBe(0);
    expect(h.standIn.stats().thresholdRefusals).toBe(0);
  });

  it('the uploaded name-free copy matches the same submission', async () => {
    await writeRegister(site, register(['kim@gangseo.example.kr']));
    const bytes = await stamped();
    await submit(h, bytes);
    const [file] = h.standIn.sites().find((s) => s.path === SITE.path)!.files;
    const r = await verify(h, h.standIn.fileContent(file.id)!, 'uploaded.xlsx');
    expect(r.out).toContain('valid — unchanged since validation, no errors');
    expect(r.out).toMatch(/✓ matches 강서구 2021 Q4/);
    expect(r.code).toBe(0);
  });

  it('data the city never received: “the city has no submission with this data”, exit 1', async () => {
    await writeRegister(site, register(['kim@gangseo.example.kr']));
    await submit(h, await stamped());
    const other = await stamped((s) => s.user.setValues(FORUMS, forumCell('hours', 1), [[3]]));
    const r = await verify(h, other, 'never-sent.xlsx');
    expect(r.out).toContain('valid — unchanged since validation');
    expect(r.out).toMatch(/✗ The city has no submission with this data \(hash [0-9a-f]{16}\)\./);
    expect(r.out).toContain('서울시에 이 데이터의 제출이 없습니다');
    expect(r.code).toBe(1);
  });

  it('a submission whose creator is no longer on the district register: exit 1, said why', async () => {
    // Submissions are refused to anyone off the register; this one was made while kim was on it.
    await writeRegister(site, register(['kim@gangseo.example.kr']));
    const bytes = await stamped();
    await submit(h, bytes);
    await writeRegister(site, register(['park@gangseo.example.kr']));
    const r = await verify(h, bytes, 'unregistered.xlsx');
    expect(r.out).toMatch(/✗ matches 강서구 2021 Q4, .* from kim@gangseo\.example\.kr \(current\)/);
    expect(r.out).toContain('kim@gangseo.example.kr, who made it, is not on the register for 강서구.');
    expect(r.code).toBe(1);
  });

  it('a city officer on the register submitting for the district counts, and is said so', async () => {
    await writeRegister(site, register(['kim@gangseo.example.kr']));
    const bytes = await stamped();
    await submit(h, bytes, LEE);
    const r = await verify(h, bytes, 'on-behalf.xlsx', KIM);
    expect(r.out).toMatch(/✓ matches 강서구 2021 Q4, .* from lee@seoul\.example\.kr \(current\)/);
    expect(r.out).toContain('Submitted by a city officer on the register, on the district’s behalf.');
    expect(r.code).toBe(0);
  });

  it('data that was submitted and then superseded: exit 1, marked superseded', async () => {
    await writeRegister(site, register(['kim@gangseo.example.kr']));
    const first = await stamped();
    await submit(h, first);
    await submit(h, await stamped((s) => s.user.setValues(FORUMS, forumCell('hours', 1), [[3]])));
    const r = await verify(h, first, 'superseded.xlsx');
    expect(r.out).toMatch(/✗ matches 강서구 2021 Q4, .* \(superseded\)/);
    expect(r.code).toBe(1);
  });

  it('a sign-in SharePoint refuses: exit 3, the reason in both languages', async () => {
    const r = await verify(h, await stamped(), 'refused.xlsx', 'token-nobody');
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/✗ refused\.xlsx: SharePoint — .+ \/ .+/);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('a forged stamp on another district’s data passes locally, but the city has nothing: exit 1', async () => {
    await writeRegister(site, register(['kim@gangseo.example.kr']));
    await submit(h, await stamped());
    // The district changed in the pane before marking: a "valid" stamp anyone could make.
    const forged = await stamped((s) => s.user.setValues('기본정보', infoCell('district'), [['마포구']]));
    const r = await verify(h, forged, 'mapo.xlsx');
    expect(r.result.verdict.status).toBe('valid');
    expect(r.result.sharepoint.workbook.district).toBe('마포구');
    expect(r.out).toMatch(/✗ The city has no submission with this data/);
    expect(r.code).toBe(1);
  });
});

test('SharePoint cannot be asked (no configuration): one bilingual line, exit 3, the local verdict still printed', async () => {
  writeFileSync(path.join(dir, 'offline.xlsx'), await stamped());
  const { code, out, err } = await runVerify(dir, [
    'offline.xlsx',
    '--sharepoint',
    '--config',
    'missing.json',
    '--lang',
    'en',
  ]);
  expect(code).toBe(3);
  expect(out).toContain('valid — unchanged since validation');
  expect(err).toMatch(
    /✗ offline\.xlsx: SharePoint — 설정 파일을 찾을 수 없습니다: .* \/ Configuration file not found/,
  );
  expect(err).not.toMatch(/\n\s+at /);
});

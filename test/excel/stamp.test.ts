// The validation stamp through Office.js: stored as a custom XML part, custom properties and a
// line on 요약; judged valid, changed (with how many rows) or absent.
import {
  STAMP_NAMESPACE,
  STAMP_PROPERTIES,
  createStamp,
  stampFromXml,
  stampToXml,
  type Stamp,
} from '../../src/stamp';
import { ENGINE_VERSION, type Validation } from '../../src/engine';
import { parseAddress } from '../../src/engine/snapshot';
import { STAMP_LINE_PREFIX } from '../../src/excel/stamp-store';
import { standard2021_1 } from '../../src/standard/2021.1';
import { FORUMS, forumCell, workbook } from './fixtures';
import { type Booted, boot } from './helpers';

let booted: Booted | null = null;
afterEach(async () => {
  await booted?.session.dispose();
  booted?.standin.uninstall();
  booted = null;
});

const SUMMARY = standard2021_1.sheets.summary.name;
const at = new Date('2021-12-31T09:00:00Z');

test('stamp round trip: absent → valid → one edited row → changed (1 row)', async () => {
  booted = await boot(workbook(30, { summary: true }), { now: () => at, userName: '김검토' });
  const { session, standin, settle } = booted;
  expect(session.getState().stamp.status).toBe('absent');
  await session.markValidated();
  await settle();
  const verdict = session.getState().stamp;
  expect(verdict.problems).toEqual([]);
  expect(verdict.status).toBe('valid');
  expect(verdict.claims).toMatchObject({
    standard: '2021.1',
    at: at.toISOString(),
    by: '김검토',
    rows: 30,
    errors: 0,
  });

  const parts = standin.model.customXmlParts.filter((p) => p.namespaceUri === STAMP_NAMESPACE);
  expect(parts).toHaveLength(1);
  const stored = stampFromXml(parts[0].xml);
  expect(stored.hash).toBe(verdict.claims!.hash);
  expect(verdict.data!.hash).toBe(stored.hash);
  // Council names are hashed, never stored: no member's name appears in the part.
  expect(parts[0].xml).not.toMatch(/위원\d/);
  const props = Object.fromEntries([...standin.model.customProperties].map(([k, v]) => [k, v.value]));
  expect(props[STAMP_PROPERTIES.hash]).toBe(stored.hash.slice(0, 16));
  expect(props[STAMP_PROPERTIES.standard]).toBe('2021.1');
  expect(props[STAMP_PROPERTIES.at]).toBe(at.toISOString());
  expect(String(standin.user.values(SUMMARY, 'A1')[0][0])).toContain(STAMP_LINE_PREFIX);

  standin.user.setValues(FORUMS, forumCell('note', 4), [['수정됨']]);
  await settle();
  expect(session.getState().stamp).toMatchObject({ status: 'changed', rowsChanged: 1 });
  standin.user.setValues(FORUMS, forumCell('note', 4), [['']]);
  await settle();
  expect(session.getState().stamp.status).toBe('valid');
});

test('a second stamp replaces the first (one part, one 요약 line)', async () => {
  booted = await boot(workbook(5, { summary: true }), { now: () => at });
  const { session, standin, settle } = booted;
  await session.markValidated();
  standin.user.setValues(FORUMS, forumCell('hours', 0), [[3]]);
  await settle();
  expect(session.getState().stamp.status).toBe('changed');
  await session.markValidated();
  expect(session.getState().stamp.status).toBe('valid');
  expect(standin.model.customXmlParts.filter((p) => p.namespaceUri === STAMP_NAMESPACE)).toHaveLength(1);
  const lines = standin.user
    .values(SUMMARY, 'A1:A10')
    .filter((r) => String(r[0]).startsWith(STAMP_LINE_PREFIX));
  expect(lines).toHaveLength(1);
});

test('a workbook with errors is not stamped, and the reason is shown', async () => {
  booted = await boot(workbook(5));
  const { session, standin, settle } = booted;
  standin.user.setValues(FORUMS, forumCell('hours', 0), [[-1]]);
  await settle();
  await session.markValidated();
  expect(session.getState().stamp.status).toBe('absent');
  expect(session.getState().problem?.en).toMatch(/1 error/);
  expect(standin.model.customXmlParts).toHaveLength(0);
});

test('a fresh workbook has no stamp; a damaged one is reported, not trusted', async () => {
  booted = await boot({
    ...workbook(3),
    customXmlParts: [`<stamp xmlns="${STAMP_NAMESPACE}"><hash>nope</hash></stamp>`],
  });
  const verdict = booted.session.getState().stamp;
  expect(verdict.status).toBe('damaged');
  expect(verdict.claims).toBeNull();
  expect(verdict.problems[0].message.en).toMatch(/cannot be read/);
});

test('without a signed-in name the stamp names the saved name, else 작성자 from 기본정보', async () => {
  booted = await boot(workbook(3), { now: () => at });
  await booted.session.markValidated();
  const first = booted.session.getState().stamp;
  expect(first.status === 'valid' && first.claims!.by).toBe('홍길동');
  await booted.session.setUserName(' 이담당 ');
  await booted.session.markValidated();
  const second = booted.session.getState().stamp;
  expect(second.status === 'valid' && second.claims!.by).toBe('이담당');
});

test('opening a workbook whose stamp was forged over data with errors: the first pass refuses it', async () => {
  // The attacker's stamp: computed with the project's own exports over the data as it is.
  const initial = workbook(6, { summary: true });
  const rows = initial.sheets.find((s) => s.name === FORUMS)!.rows!;
  const hours = parseAddress(forumCell('hours', 2));
  rows[hours.row - 1][hours.column] = -1;
  const probe = await boot(initial);
  const validation = probe.session.currentValidation()!;
  await probe.session.dispose();
  probe.standin.uninstall();
  expect(validation.report.stats.errors).toBe(1);
  const forged = { ...createStampUnchecked(validation), by: '서울시장' };

  booted = await boot({ ...initial, customXmlParts: [stampToXml(forged)] });
  const verdict = booted.session.getState().stamp;
  expect(verdict.status).toBe('invalid');
  expect(verdict.rowsChanged).toBe(0);
  expect(verdict.data).toMatchObject({ errors: 1, rows: 6 });
  expect(verdict.claims).toMatchObject({ errors: 0, by: '서울시장' });
  expect(verdict.problems.map((p) => p.code)).toEqual(expect.arrayContaining(['errors', 'properties']));
});

/** What a forger writes: the stamp createStamp would make, without its refusal of errors. */
function createStampUnchecked(v: Validation): Stamp {
  const clean = { ...v, report: { ...v.report, stats: { ...v.report.stats, errors: 0 } } };
  return createStamp(clean, { engine: ENGINE_VERSION, at: at.toISOString(), by: 'x' });
}

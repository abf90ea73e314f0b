// Who submitted and when, as SharePoint recorded them: the receipt is the Submissions item read back —
// its createdBy (the account the token names) and createdDateTime (the service's clock). Submitting
// identical data again, by anyone and without its journal, shows the first submission's time and
// submitter. A refused sign-in says to sign in again.
import { ENGINE_VERSION, validateWorkbook } from '../../src/engine';
import { AuthError } from '../../src/auth/types';
import { buildPlan } from '../../src/submission/plan';
import { runSubmission } from '../../src/submission/runner';
import { receiptLines } from '../../src/submission/receipt';
import { submissionFields } from '../../src/graph/target';
import { newestStandard } from '../../src/standard';
import { createGraphSubmission } from '../../src/graph';
import { parseConfig } from '../../src/config';
import { exampleSnapshot } from './example';
import {
  KIM,
  LEE,
  SITE,
  USERS,
  graphFor,
  listItems,
  memoryStore,
  startHarness,
  type Harness,
} from './harness';

const ctx = { engine: ENGINE_VERSION };
const T1 = Date.parse('2021-03-30T05:02:00Z');

describe('who and when', () => {
  let h: Harness;
  let clock = T1;
  beforeEach(async () => {
    clock = T1;
    h = await startHarness({ now: () => new Date(clock) });
  });
  afterEach(() => h.close());

  const submit = (plan: ReturnType<typeof buildPlan>, token: string) =>
    runSubmission({
      plan,
      target: graphFor(h.standIn.url, 4, 5000, token).target,
      store: memoryStore(),
      file: null,
      signal: new AbortController().signal,
    });

  test('the receipt is SharePoint’s: creator and creation time; identical data again shows the first', async () => {
    const plan = buildPlan(validateWorkbook(exampleSnapshot(30, { seed: 71 })), ctx);
    const first = await submit(plan, KIM);
    expect(first).toMatchObject({
      ok: true,
      receipt: {
        submissionId: plan.submissionId,
        submittedAt: new Date(T1).toISOString(),
        submittedBy: { id: USERS[KIM].id, email: USERS[KIM].userPrincipalName, displayName: '김강서' },
        status: 'current',
        rowCount: 30,
        stampHash: plan.stampHash,
        district: '강서구',
        year: 2021,
      },
    });
    // A day later another officer submits the very same data, without the journal.
    clock = T1 + 86_400_000;
    const again = await submit(plan, LEE);
    expect(again.ok && again.receipt).toMatchObject({
      submittedAt: new Date(T1).toISOString(),
      submittedBy: { email: USERS[KIM].userPrincipalName },
    });
    expect(listItems(h.standIn, 'Submissions')).toHaveLength(1);
    expect(listItems(h.standIn, 'Forums')).toHaveLength(30);
    if (again.ok) {
      const lines = receiptLines(again.receipt).join('\n');
      expect(lines).toContain(new Date(T1).toISOString());
      expect(lines).toContain('김강서 <kim@gangseo.example.kr>');
    }
    // No column holds a submitter or a time a client could write.
    const fields = listItems(h.standIn, 'Submissions')[0].fields;
    expect(Object.keys(fields)).not.toContain('SubmittedBy');
    expect(Object.keys(fields)).not.toContain('SubmittedAt');
  });

  test('an item planted under the submission’s key is corrected, and its creator shown as SharePoint has it', async () => {
    const plan = buildPlan(validateWorkbook(exampleSnapshot(12, { seed: 72 })), ctx);
    const planted = submissionFields(plan, newestStandard, 'https://evil.example/phish.xlsx');
    h.standIn.seed(
      SITE.path,
      'Submissions',
      [{ ...(planted as Record<string, string | number>), RowCount: 999, Status: 'current' }],
      USERS[LEE],
    );
    const outcome = await submit(plan, KIM);
    expect(outcome.ok && outcome.receipt).toMatchObject({
      rowCount: 12,
      fileUrl: null,
      submittedBy: { email: USERS[LEE].userPrincipalName },
    });
    const [item] = listItems(h.standIn, 'Submissions');
    expect(item.fields).toMatchObject({ RowCount: 12, Status: 'current' });
    expect(item.fields.WorkbookUrl ?? null).toBeNull();
  });

  test('a refused sign-in says to sign in again, not that submitting again resumes it', async () => {
    const plan = buildPlan(validateWorkbook(exampleSnapshot(5, { seed: 73 })), ctx);
    const expired = await submit(plan, 'expired-or-forged-token');
    expect(expired.ok).toBe(false);
    if (expired.ok) return;
    expect(expired.problem.en).toMatch(/sign in again/i);
    expect(expired.problem.ko).toContain('다시 로그인');
    expect(expired.problem.en).not.toMatch(/submitting again resumes/i);

    const cancelled = await runSubmission({
      plan,
      target: createGraphSubmission({
        config: parseConfig({ graphRoot: h.standIn.url, site: SITE }),
        tokens: {
          getToken: async () => {
            throw new AuthError('로그인이 취소되었습니다.', 'Sign-in was cancelled.');
          },
        },
        standard: newestStandard,
      }).target,
      store: memoryStore(),
      file: null,
      signal: new AbortController().signal,
    });
    expect(cancelled.ok ? null : cancelled.problem).toEqual({
      ko: expect.stringContaining('로그인이 취소되었습니다.'),
      en: expect.stringContaining('Sign-in was cancelled.'),
    });
  });
});

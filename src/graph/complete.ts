// Completing a submission: making it its district-year's one current submission and every other one
// superseded — the way the row phase works: every step is decided by a query of what is still wrong,
// only that is (re-)sent, in bounded rounds with back-off, so dropped connections and answers lost
// after the write committed cost one more query, never a blind resend of everything.
//
// Order, so that one run never shows readers two current Submissions items of a district-year:
//  1. every other current Submissions item of the district-year → superseded;
//  2. this submission's item: created current, or found by its unique key and brought up to date;
//  3. the district-year's items read: two current ones mean two runs completed at once, and the item
//     made current last wins, whichever run looks (the other is superseded);
//  4. rows: the winner's rows current (they may be superseded from an earlier round trip of the same
//     data), every other submission's rows of the district-year superseded;
//  5. step 3 again: if the winner changed meanwhile, step 4 follows it.
// A run cut anywhere leaves at most one current item (none between 1 and 2) and is finished by the
// next run of either submission.
//
// The district register, as read at completion time, is part of every decision: the signed-in user
// must still be admitted for the district (else nothing is superseded), an item under this key made
// by someone off the register is not made current over another, and in step 3 an item whose creator
// is off the register is never the winner — a submission whose creator is not on the register never
// supersedes anything. Rows are found by SubmissionId (one submission: at most 5,000 rows,
// under the list view threshold), other submissions through the Submissions list, never by a
// district-year-wide query of Forums, which would pass the threshold after a few resubmissions.
import type { SubmissionPlan } from '../submission/plan';
import type { SubmissionRecord, Submitter } from '../submission/types';
import { SubmitRefused } from '../submission/types';
import { admission, mayBeCurrent } from '../submission/admission';
import type { Standing } from './standing';
import { isDuplicateRefusal, runBatches } from './batch';
import { GraphTransportError } from './http';
import { retryDelayMs } from './middleware';
import { sleep } from './pacer';
import { STATUS_CURRENT, STATUS_SUPERSEDED, type ListRole } from './schema';
import { GraphCallError, expectOk, odataString, type GraphItem, type SharePointSite } from './sharepoint';

export interface CompleteOptions {
  signal: AbortSignal;
  onRetry(): void;
  /** Rounds of query → send before a step gives up (each after a growing pause). */
  maxRounds?: number;
  /** The register as read now, and the signed-in user (with their groups), or why nobody may submit. */
  standing(): Promise<Standing>;
}

class NotSettled extends Error {}

const q = (v: string): string => odataString(v);

/** Equal as SharePoint keeps them: numbers as doubles (it may round the last digits), nulls as absent. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === undefined || a === '') a = null;
  if (b === undefined || b === '') b = null;
  if (typeof a === 'number' && typeof b === 'number')
    return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  return a === b;
}

/** The item's creator as SharePoint recorded it. */
export function creatorOf(item: GraphItem): Submitter | null {
  const u = item.createdBy?.user;
  if (!u?.id) return null;
  return { id: u.id, displayName: u.displayName ?? u.id, email: u.email ?? null };
}

function recordOf(item: GraphItem): SubmissionRecord {
  return {
    itemId: item.id,
    itemUrl: item.webUrl ?? null,
    createdDateTime: item.createdDateTime ?? '',
    createdBy: creatorOf(item),
    fields: item.fields,
  };
}

const currentOfYear = (plan: SubmissionPlan): string =>
  `fields/DistrictYear eq ${q(plan.districtYear)} and fields/Status eq '${STATUS_CURRENT}'`;
const othersFilter = (plan: SubmissionPlan): string =>
  `${currentOfYear(plan)} and fields/SubmissionKey ne ${q(plan.submissionId)}`;

/** The district-year's other current items, and the item under this submission's key (if any). */
export async function submissionQueries(
  site: SharePointSite,
  plan: SubmissionPlan,
): Promise<{ others: GraphItem[]; own: GraphItem[] }> {
  const [others, own] = await Promise.all([
    site.query('submissions', othersFilter(plan), ['Status']),
    site.query('submissions', `fields/SubmissionKey eq ${q(plan.submissionId)}`),
  ]);
  return { others, own };
}

export async function completeSubmission(
  site: SharePointSite,
  plan: SubmissionPlan,
  desired: Record<string, unknown>,
  options: CompleteOptions,
): Promise<SubmissionRecord> {
  const maxRounds = options.maxRounds ?? 6;
  const key = q(plan.submissionId);
  const dy = q(plan.districtYear);

  const pause = async (round: number): Promise<void> => {
    if (round === 0) return;
    options.onRetry();
    await sleep(retryDelayMs(null, round - 1, site.http.policy), options.signal);
  };

  /**
   * Query what is still wrong, PATCH only that, until the query finds nothing. `first` is the answer
   * of a query already made with the same filter.
   */
  const settle = async (
    role: ListRole,
    filter: string,
    status: string,
    first?: GraphItem[],
  ): Promise<void> => {
    const base = await site.listPath(role);
    for (let round = 0; ; round++) {
      const wrong = round === 0 && first ? first : await site.query(role, filter, ['Status']);
      if (wrong.length === 0) return;
      if (round >= maxRounds) throw new NotSettled(`${wrong.length} item(s) could not be marked ${status}`);
      await pause(round);
      let refusal: string | null = null;
      await runBatches(
        site.http,
        wrong.map((i) => ({
          id: i.id,
          method: 'PATCH',
          url: `${base}/items/${encodeURIComponent(i.id)}/fields`,
          body: { Status: status },
        })),
        {
          concurrency: site.config.batch.concurrency,
          signal: options.signal,
          onRetry: options.onRetry,
          onOutcome: (_job, outcome) => {
            // Lost answers, 5xx and throttling are settled by the next query; a refusal is not.
            if (outcome.kind === 'rejected' && outcome.status >= 400 && outcome.status < 500)
              if (![404, 409, 412, 429].includes(outcome.status)) refusal ??= outcome.message;
          },
        },
      );
      if (refusal) throw new GraphCallError(400, `mark ${role} ${status}: ${refusal}`);
    }
  };

  /**
   * This submission's item, created current, or found by its unique key and brought up to date —
   * as Graph answered the create, or as a query by its key reads it back.
   */
  const ensureItem = async (first: GraphItem[], onBehalf: boolean): Promise<void> => {
    for (let round = 0; ; round++) {
      const [found] = round === 0 ? first : await site.query('submissions', `fields/SubmissionKey eq ${key}`);
      const differing = found
        ? Object.keys(desired).filter((k) => !sameValue(found.fields[k], desired[k]))
        : Object.keys(desired);
      if (found && differing.length === 0) return;
      if (round >= maxRounds) throw new NotSettled('the Submissions item could not be written');
      await pause(round);
      try {
        if (found) {
          await site.patchFields(
            'submissions',
            found.id,
            Object.fromEntries(differing.map((k) => [k, desired[k] ?? null])),
          );
          continue;
        }
        // Whether a city officer submitted it for the district describes the item's creator: it is
        // written with the item and never changed by a later run of identical data.
        const res = await site.createItem('submissions', {
          ...Object.fromEntries(Object.entries(desired).filter(([, v]) => v !== null && v !== undefined)),
          OnBehalf: onBehalf,
        });
        if (res.status === 201 || res.status === 200) return;
        // Refused as a duplicate key (a lost answer's item), or a 5xx that may have committed: the
        // next query decides. Any other refusal is the answer.
        if (res.status < 500 && !isDuplicateRefusal(res.status, res.body))
          expectOk(res, 'create the Submissions item');
      } catch (e) {
        if (!(e instanceof GraphTransportError)) throw e;
      }
    }
  };

  /** Every Submissions item of the district-year: one per submission, a handful. */
  const yearItems = (): Promise<GraphItem[]> => site.query('submissions', `fields/DistrictYear eq ${dy}`);
  const keyOf = (i: GraphItem): string => String(i.fields.SubmissionKey ?? '');

  /**
   * The district-year's one current submission, from its items. Two current items mean two runs
   * completed at once: the item made current last wins, whichever run looks, and the other is
   * superseded (then the items are read again). An item whose creator is off the register never
   * wins over one whose creator may be on it.
   */
  const decide = async (
    items: GraphItem[],
    counts: (creator: Submitter | null) => boolean,
  ): Promise<{ winner: string | null; items: GraphItem[] }> => {
    for (let round = 0; ; round++) {
      const current = items.filter((i) => i.fields.Status === STATUS_CURRENT);
      if (current.length <= 1) return { winner: current.length ? keyOf(current[0]) : null, items };
      if (round >= maxRounds) throw new NotSettled('two submissions of the district-year stay current');
      const registered = current.filter((i) => counts(creatorOf(i)));
      const last = (registered.length ? registered : current).reduce((a, b) =>
        `${a.lastModifiedDateTime ?? ''}|${a.id.padStart(12, '0')}` >
        `${b.lastModifiedDateTime ?? ''}|${b.id.padStart(12, '0')}`
          ? a
          : b,
      );
      await settle(
        'submissions',
        `${currentOfYear(plan)} and fields/SubmissionKey ne ${q(keyOf(last))}`,
        STATUS_SUPERSEDED,
      );
      items = await yearItems();
    }
  };

  /**
   * The winner's rows current, every other submission's rows of the district-year superseded, each
   * submission's by its SubmissionId, all at once. With no winner (another run has just superseded
   * this one and is about to make its own current), only this submission's rows.
   */
  const settleRows = async (winner: string | null, items: GraphItem[]): Promise<void> => {
    const losers = items
      .map(keyOf)
      .filter((id) => id && id !== winner && (winner !== null || id === plan.submissionId));
    await Promise.all([
      ...losers.map((id) =>
        settle(
          'forums',
          `fields/SubmissionId eq ${q(id)} and fields/Status eq '${STATUS_CURRENT}'`,
          STATUS_SUPERSEDED,
        ),
      ),
      ...(winner
        ? [
            settle(
              'forums',
              `fields/SubmissionId eq ${q(winner)} and fields/Status eq '${STATUS_SUPERSEDED}'`,
              STATUS_CURRENT,
            ),
          ]
        : []),
    ]);
  };

  try {
    const [{ others, own }, standing] = await Promise.all([
      submissionQueries(site, plan),
      options.standing(),
    ]);
    // Admitted again from the register as it is now: a user removed since the run began, or an item
    // under this key made by someone off the register, supersedes nothing.
    if ('refused' in standing) throw new SubmitRefused(standing.refused);
    const counts = mayBeCurrent(standing.register, standing.me, plan.districtCode);
    const admitted = admission({
      ...standing,
      district: { code: plan.districtCode, year: plan.year },
      existing: own[0] ? creatorOf(own[0]) : undefined,
      supersedes: others.length > 0,
    });
    if (!admitted.allowed) throw new SubmitRefused(admitted.reason);
    await settle('submissions', othersFilter(plan), STATUS_SUPERSEDED, others);
    await ensureItem(own, admitted.role === 'city');
    let { winner, items } = await decide(await yearItems(), counts);
    for (let round = 0; ; round++) {
      await settleRows(winner, items);
      // A run that became current meanwhile owns the rows now: follow it.
      const now = await decide(await yearItems(), counts);
      items = now.items;
      if (now.winner === winner) break;
      if (round >= maxRounds) throw new NotSettled('the district-year’s current submission kept changing');
      winner = now.winner;
    }
    const item = items.find((i) => keyOf(i) === plan.submissionId);
    if (!item) throw new NotSettled('the Submissions item is gone');
    return recordOf(item);
  } catch (e) {
    if (e instanceof NotSettled) throw new GraphCallError(0, `${e.message} after ${maxRounds} rounds`);
    throw e;
  }
}

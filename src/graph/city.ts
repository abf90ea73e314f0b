// What the city's desk reads from SharePoint, cheaply: the register (the Districts list, a few dozen
// items) and, per year, every Submissions item of that year in one paged query on the indexed `Year`
// column — current and superseded alike, because whether a quarter was on time is decided by the
// first submission that covered it, even one replaced since (docs/city.md). Forums rows are never
// read: the board, the data book and the composition table need only the items' aggregate columns.
//
// A year's query matches one item per submission of every district that year; SharePoint refuses an
// indexed query matching more than 5,000 items, which would take 200 submissions a district in one
// year. Requests: the site (once), the register, one per year (more only past 999 items a year).
import type { Standard, Text } from '../standard/types';
import { BilingualError } from '../bilingual';
import type { CreatorGroups, SubmissionRecord } from '../city/types';
import { roleFor, type DistrictRegister, type Identity } from '../register';
import { readRegister } from './districts';
import { GROUPS_PER_CHECK, identityFor, registerGroups } from './identity';
import type { GraphHttp } from './http';
import type { SharePointSite } from './sharepoint';
import { submissionRecordOf } from './submission-record';

export interface CityReading {
  register: DistrictRegister;
  /** The items of the years asked for, as records. */
  submissions: SubmissionRecord[];
  /**
   * Creators' memberships as far as the reader can know them: the reader's own (Graph answers
   * checkMemberGroups for the signed-in user only); null — unknown — for anyone else.
   */
  groupsOf: CreatorGroups;
  /** Register warnings and items that could not be read, in both languages. */
  notes: Text[];
}

export interface CityReadOptions {
  standard: Standard;
  /**
   * The signed-in reader, when it is needed: asked only if a creator is matched neither by sign-in
   * name nor by object id and the register names groups (then the reader's own groups may settle it).
   */
  reader?: (register: DistrictRegister) => Promise<Identity & { objectId: string }>;
}

/** The register as kept in SharePoint, or a bilingual error naming its problems. */
async function checkedRegister(site: SharePointSite): Promise<{ register: DistrictRegister; notes: Text[] }> {
  const stored = await readRegister(site);
  const errors = stored.problems.filter((p) => p.severity === 'error');
  if (!stored.register) {
    const shown = errors.slice(0, 5);
    const more = errors.length - shown.length;
    throw new BilingualError(
      `SharePoint의 자치구 명부(Districts 목록)에 문제가 있어 읽을 수 없습니다: ${shown.map((p) => p.message.ko).join('; ')}${more > 0 ? ` 외 ${more}건` : ''}. delib districts import로 다시 올리세요.`,
      `the district register in SharePoint (the Districts list) cannot be used: ${shown.map((p) => p.message.en).join('; ')}${more > 0 ? ` and ${more} more` : ''}. Import it again (delib districts import).`,
    );
  }
  return { register: stored.register, notes: stored.problems.map((p) => p.message) };
}

export async function readCity(
  site: SharePointSite,
  years: readonly number[],
  options: CityReadOptions,
): Promise<CityReading> {
  // The site's id first: the reads below share it instead of each asking for it.
  await site.siteId();
  const [{ register, notes }, ...pages] = await Promise.all([
    checkedRegister(site),
    ...[...new Set(years)].map((y) => site.query('submissions', `fields/Year eq ${Number(y)}`)),
  ]);
  const submissions: SubmissionRecord[] = [];
  for (const item of pages.flat()) {
    const read = submissionRecordOf(item, options.standard, site.config.site.hostname);
    if ('record' in read) submissions.push(read.record);
    else notes.push(read.problem);
  }
  let groupsOf: CreatorGroups = () => null;
  const unmatched = submissions.some(
    (s) => !roleFor(register, { upn: s.createdBy.upn, objectId: s.createdBy.id }, s.districtCode),
  );
  if (unmatched && registerGroups(register).length > 0 && options.reader) {
    const me = await options.reader(register);
    const mine = me.groupIds ?? [];
    groupsOf = (c) => (c.id && c.id.toLowerCase() === me.objectId.toLowerCase() ? mine : null);
  }
  return { register, submissions, groupsOf, notes };
}

interface BatchAnswer {
  responses?: {
    id: string;
    status: number;
    body?: { id?: string; userPrincipalName?: string; value?: string[] };
  }[];
}

/**
 * The signed-in reader with their memberships in the register's groups, in one `$batch` of `/me`
 * and `/me/checkMemberGroups` (User.Read): what Graph tells anyone about themselves. When the batch
 * does not answer cleanly (throttled, too many groups for one batch), the same questions are asked
 * one by one.
 */
export async function readerIdentity(
  http: GraphHttp,
  register: DistrictRegister,
): Promise<Identity & { objectId: string }> {
  const groups = [...new Set(registerGroups(register).map((g) => g.toLowerCase()))];
  const chunks: string[][] = [];
  for (let i = 0; i < groups.length; i += GROUPS_PER_CHECK)
    chunks.push(groups.slice(i, i + GROUPS_PER_CHECK));
  if (chunks.length < 20) {
    const res = await http.send<BatchAnswer>('POST', '/$batch', {
      requests: [
        { id: 'me', method: 'GET', url: '/me?$select=id,userPrincipalName,displayName' },
        ...chunks.map((groupIds, i) => ({
          id: `g${i}`,
          method: 'POST',
          url: '/me/checkMemberGroups',
          headers: { 'Content-Type': 'application/json' },
          body: { groupIds },
        })),
      ],
    });
    const answers = res.status === 200 ? (res.body.responses ?? []) : [];
    const me = answers.find((a) => a.id === 'me');
    const checks = chunks.map((_, i) => answers.find((a) => a.id === `g${i}`));
    if (me?.status === 200 && me.body?.id && checks.every((c) => c?.status === 200))
      return {
        upn: me.body.userPrincipalName ?? null,
        objectId: me.body.id,
        groupIds: checks.flatMap((c) => c!.body?.value ?? []).map((g) => g.toLowerCase()),
      };
  }
  const me = await identityFor(http, register);
  return { ...me, objectId: me.objectId ?? '' };
}

// Looking a workbook's data up in the city's Submissions list: the items whose StampHash is the
// data's hash (an indexed column, so the query stays under the list view threshold at any list
// size), with their creator and creation time as SharePoint recorded them, judged against the
// district register as the Districts list holds it. Read-only.
import type { ReportInfo } from '../engine/report';
import { judgeReceived, type CityCheck, type ReceivedSubmission } from '../city/verify';
import type { DistrictRegister } from '../register';
import { readRegister } from './districts';
import { odataString, type GraphItem, type SharePointSite } from './sharepoint';

const FIELDS = ['SubmissionKey', 'DistrictCode', 'District', 'Year', 'Quarter', 'Status', 'StampHash'];

function received(item: GraphItem): ReceivedSubmission {
  const f = item.fields;
  const text = (k: string) => (typeof f[k] === 'string' ? (f[k] as string) : '');
  const user = item.createdBy?.user;
  return {
    submissionId: text('SubmissionKey'),
    districtCode: text('DistrictCode'),
    district: text('District'),
    year: Number(f.Year),
    quarter: Number(f.Quarter) as ReceivedSubmission['quarter'],
    status: f.Status === 'current' ? 'current' : 'superseded',
    createdBy: { upn: user?.email ?? null, displayName: user?.displayName ?? null, id: user?.id ?? null },
    createdAt: item.createdDateTime ?? '',
  };
}

/** The Submissions items holding exactly this hash of data. */
export async function submissionsWithHash(site: SharePointSite, hash: string): Promise<ReceivedSubmission[]> {
  if (!/^[0-9a-f]{64}$/.test(hash)) throw new Error('not a data hash');
  const items = await site.query('submissions', `fields/StampHash eq ${odataString(hash)}`, FIELDS);
  return items.filter((i) => i.fields.StampHash === hash).map(received);
}

export interface CityLookup {
  check(
    hash: string,
    info: Pick<ReportInfo, 'district' | 'districtCode' | 'year' | 'quarter'>,
  ): Promise<CityCheck>;
}

/** Looks hashes up in one site; the register is read once, on the first look-up. */
export function cityLookup(site: SharePointSite): CityLookup {
  let register: Promise<DistrictRegister | null> | null = null;
  return {
    async check(hash, info) {
      register ??= readRegister(site).then((r) => r.register);
      const [items, reg] = await Promise.all([submissionsWithHash(site, hash), register]);
      return judgeReceived(hash, items, reg, info);
    },
  };
}

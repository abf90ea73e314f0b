// A small city for the desk's tests: the register as the 2021 plan has it (24 districts due, 서초구
// not), district submitters by sign-in name (강서구 also by a group), two city officers, and a builder of
// Submissions records as SharePoint would hold them.
import type { Metrics, Quarter } from '../../src/engine/report';
import type { CouncilComposition } from '../../src/engine/composition';
import { compositionOf } from '../../src/engine/composition';
import type { DistrictRegister } from '../../src/register';
import type { SubmissionRecord } from '../../src/city';
import { newestStandard } from '../../src/standard';
import { metricsFrom, sums } from '../cli/reports';

export { sums };

export const OFFICER = 'Officer.Lee@seoul.go.kr';
export const OFFICER_GROUP = '5b0c2f5e-6a1d-4c55-9d1e-0c2a7e1f4b10';
export const GANGSEO_GROUP = '0f3c9d2a-1b2c-4d5e-8f90-a1b2c3d4e5f6';
export const SEOCHO = '11650';
export const GANGSEO = '11500';

export const nameOf = (code: string) => newestStandard.districts.find((d) => d.code === code)!.name;
export const submitterOf = (code: string) => `gu${code}@seoul.go.kr`;

export function demoRegister(): DistrictRegister {
  return {
    officers: { people: [OFFICER], groups: [OFFICER_GROUP] },
    districts: newestStandard.districts.map((d) => ({
      code: d.code,
      name: d.name,
      dueYears: d.code === SEOCHO ? [] : [2020, 2021],
      submitters:
        d.code === GANGSEO
          ? { people: [submitterOf(d.code)], groups: [GANGSEO_GROUP] }
          : { people: [submitterOf(d.code)], groups: [] },
    })),
  };
}

const ZERO = metricsFrom(sums(0, 0, 0, 0, 0, 0));

let serial = 0;

export interface SubmissionOptions {
  code: string;
  year?: number;
  quarter: Quarter;
  /** SharePoint's createdDateTime. */
  at: string;
  by?: string | null;
  byId?: string | null;
  status?: 'current' | 'superseded';
  metrics?: Metrics;
  byQuarter?: Partial<Record<'1' | '2' | '3' | '4', Metrics>> | null;
  council?: CouncilComposition | null;
  dataMatchesStamp?: boolean;
}

export function submission(o: SubmissionOptions): SubmissionRecord {
  const metrics = o.metrics ?? metricsFrom(sums(10, 15, 20, 30, 25, 40));
  const byQuarter =
    o.byQuarter === null ? null : { '1': metrics, '2': ZERO, '3': ZERO, '4': ZERO, ...(o.byQuarter ?? {}) };
  const by = o.by === undefined ? submitterOf(o.code) : o.by;
  const record: SubmissionRecord = {
    submissionId: `s${String(++serial).padStart(4, '0')}`,
    districtCode: o.code,
    district: nameOf(o.code),
    year: o.year ?? 2021,
    quarter: o.quarter,
    status: o.status ?? 'current',
    createdBy: { upn: by, displayName: by === null ? null : `이름 ${by}`, id: o.byId ?? null },
    createdAt: o.at,
    fileUrl: `https://seoul.sharepoint.com/sites/delib/Shared%20Documents/${o.code}-${serial}.xlsx`,
    onBehalf: false,
    standardVersion: '2021.1',
    stampHash: 'ab'.repeat(32),
    metrics,
    metricsByQuarter: byQuarter,
    council:
      o.council === undefined
        ? compositionOf({
            members: 20,
            bySector: { civilian: 15, councillor: 1, official: 4 },
            byGender: { female: 9, male: 11 },
          })
        : o.council,
  };
  if (o.dataMatchesStamp !== undefined) record.dataMatchesStamp = o.dataMatchesStamp;
  return record;
}

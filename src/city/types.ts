// What the city's desk reads: one Submissions item per submission, as SharePoint holds it. Host-free:
// src/graph maps list items to this shape (one paged query per year), tests and the demo city build
// it directly. Who and when are SharePoint's own record (createdBy, createdDateTime), never what a
// workbook or a client said about itself.
import type { Metrics, Quarter } from '../engine/report';
import type { CouncilComposition } from '../engine/composition';

export type SubmissionStatus = 'current' | 'superseded';

export interface SubmissionCreator {
  /** The creator's sign-in name (SharePoint's createdBy.user.email / userPrincipalName). */
  upn: string | null;
  displayName: string | null;
  /** The creator's Entra object id (createdBy.user.id). */
  id: string | null;
}

export interface SubmissionRecord {
  submissionId: string;
  districtCode: string;
  district: string;
  year: number;
  /** The quarter the workbook reports; it covers 1분기 … this quarter (submissions are cumulative). */
  quarter: Quarter;
  status: SubmissionStatus;
  createdBy: SubmissionCreator;
  /** SharePoint's createdDateTime: ISO 8601 with its offset (`2021-03-30T05:02:11Z`). */
  createdAt: string;
  /** The uploaded workbook, as Graph answered its address; null when none was uploaded. */
  fileUrl: string | null;
  /** The item says a city officer submitted it for the district (the board trusts the register). */
  onBehalf: boolean;
  standardVersion: string;
  stampHash: string;
  /**
   * Whether the stored data still hashes to `stampHash`, when a reader checked it; absent when
   * nobody did (then nothing is assumed wrong).
   */
  dataMatchesStamp?: boolean;
  /** The whole submission's figures (standard §2). */
  metrics: Metrics;
  /** Figures of the forums held in each quarter; null when the item does not carry them. */
  metricsByQuarter: Record<'1' | '2' | '3' | '4', Metrics> | null;
  /** The council's composition (§2.1); null when the item does not carry it. */
  council: CouncilComposition | null;
}

/**
 * Group memberships of submissions' creators, as far as the reader can know them: the ids, or null
 * when they cannot be known (Graph tells a user only their own memberships; other people's need a
 * directory-wide permission the project does not ask for).
 */
export type CreatorGroups = (creator: SubmissionCreator) => readonly string[] | null;

export interface DistrictRef {
  district: string;
  districtCode: string;
}

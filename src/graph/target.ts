// The SharePoint side of a submission, over Graph: schema check, workbook upload (or its lookup),
// rows in batches, the query by key, and completing (complete.ts).
import type { PlannedRow, SubmissionPlan } from '../submission/plan';
import type { RowOutcome, SubmissionRecord, SubmissionTarget, WorkbookFile } from '../submission/types';
import { admission, type Admission } from '../submission/admission';
import type { Standard, Text } from '../standard/types';
import { runBatches, type BatchJob } from './batch';
import { completeSubmission, creatorOf, submissionQueries } from './complete';
import { SubmitterStanding } from './standing';
import { checkSchema } from './provision';
import { STATUS_CURRENT, forumColumnName, listSpecs, metricColumnName } from './schema';
import { odataString, type SharePointSite } from './sharepoint';
import { uploadFile } from './upload';
import { councilFields } from './council';
import { metricValue } from '../engine/metric-values';

function withoutNulls(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== null && v !== undefined));
}

export function forumFields(plan: SubmissionPlan, row: PlannedRow): Record<string, unknown> {
  const fields: Record<string, unknown> = {
    Title: String(row.forum.name ?? row.key).slice(0, 255),
    RowKey: row.key,
    SubmissionId: plan.submissionId,
    DistrictYear: plan.districtYear,
    District: plan.district,
    DistrictCode: plan.districtCode,
    Year: plan.year,
    Status: STATUS_CURRENT,
    ExcelRow: row.excelRow,
    StandardVersion: plan.standard,
  };
  for (const [key, value] of Object.entries(row.forum)) {
    fields[forumColumnName(key)] = key === 'date' && typeof value === 'string' ? `${value}T00:00:00Z` : value;
  }
  return withoutNulls(fields);
}

/**
 * The Submissions item's fields. No submitter and no time: SharePoint records who created the item and
 * when (createdBy, createdDateTime). `WorkbookUrl` is null when there is no file: that too is verified.
 */
export function submissionFields(
  plan: SubmissionPlan,
  standard: Standard,
  fileUrl: string | null,
): Record<string, unknown> {
  // Every grouping the workbook's figures have (quarters, types; 2021.2's 단계 and 진행방식).
  const { overall, ...groupings } = plan.metrics;
  const fields: Record<string, unknown> = {
    Title: plan.submissionId,
    SubmissionKey: plan.submissionId,
    SubmissionId: plan.submissionId,
    DistrictYear: plan.districtYear,
    District: plan.district,
    DistrictCode: plan.districtCode,
    Year: plan.year,
    Quarter: plan.quarter,
    Status: STATUS_CURRENT,
    StampHash: plan.stampHash,
    StandardVersion: plan.standard,
    EngineVersion: plan.engine,
    RowCount: plan.rows.length,
    WorkbookUrl: fileUrl,
    MetricsDetail: JSON.stringify(groupings),
    ...councilFields(plan.council),
  };
  for (const m of standard.metrics) fields[metricColumnName(m.key)] = metricValue(overall, m.key);
  return fields;
}

export class GraphSubmissionTarget implements SubmissionTarget {
  private readonly standing: SubmitterStanding;

  constructor(
    private readonly site: SharePointSite,
    private readonly standard: Standard,
  ) {
    this.standing = new SubmitterStanding(site);
  }

  async admit(plan: SubmissionPlan): Promise<Admission> {
    const [standing, { own, others }] = await Promise.all([
      this.standing.begin(),
      submissionQueries(this.site, plan),
    ]);
    if ('refused' in standing) return { allowed: false, reason: standing.refused };
    return admission({
      ...standing,
      district: { code: plan.districtCode, year: plan.year },
      existing: own[0] ? creatorOf(own[0]) : undefined,
      supersedes: others.length > 0,
    });
  }

  async checkSchema(): Promise<Text[]> {
    const drift = await checkSchema(this.site, listSpecs(this.standard));
    return drift.filter((d) => d.blocking).map((d) => d.message);
  }

  private libraryPath(plan: SubmissionPlan): string {
    const folder = this.site.config.library.folder;
    return `${folder ? folder + '/' : ''}${plan.filePath}`;
  }

  async uploadWorkbook(plan: SubmissionPlan, file: WorkbookFile): Promise<string | null> {
    return uploadFile(this.site, this.libraryPath(plan), await file.bytes());
  }

  findWorkbook(plan: SubmissionPlan): Promise<string | null> {
    return this.site.fileUrl(this.libraryPath(plan));
  }

  async sendRows(
    plan: SubmissionPlan,
    rows: PlannedRow[],
    options: {
      signal: AbortSignal;
      onRow(row: PlannedRow, outcome: RowOutcome): void | Promise<void>;
      onRetry(): void;
    },
  ): Promise<void> {
    const url = `${await this.site.listPath('forums')}/items`;
    const byId = new Map(rows.map((r) => [String(r.index), r]));
    const jobs: BatchJob[] = rows.map((r) => ({
      id: String(r.index),
      method: 'POST',
      url,
      body: { fields: forumFields(plan, r) },
    }));
    await runBatches(this.site.http, jobs, {
      concurrency: this.site.config.batch.concurrency,
      signal: options.signal,
      onRetry: options.onRetry,
      onOutcome: (job, outcome) => {
        const row = byId.get(job.id)!;
        if (outcome.kind === 'stored') return options.onRow(row, { kind: 'created' });
        if (outcome.kind === 'duplicate') return options.onRow(row, { kind: 'exists' });
        if (outcome.kind === 'ambiguous') return options.onRow(row, { kind: 'ambiguous' });
        return options.onRow(row, { kind: 'rejected', status: outcome.status, message: outcome.message });
      },
    });
  }

  async storedRowKeys(plan: SubmissionPlan): Promise<Set<string>> {
    const items = await this.site.query(
      'forums',
      `fields/SubmissionId eq ${odataString(plan.submissionId)}`,
      ['RowKey'],
    );
    return new Set(items.map((i) => String(i.fields.RowKey)));
  }

  complete(
    plan: SubmissionPlan,
    fileUrl: string | null,
    options: { signal: AbortSignal; onRetry(): void },
  ): Promise<SubmissionRecord> {
    // The register as it is at completion: it may have changed since the run was admitted.
    return completeSubmission(this.site, plan, submissionFields(plan, this.standard, fileUrl), {
      ...options,
      standing: () => this.standing.read(),
    });
  }
}

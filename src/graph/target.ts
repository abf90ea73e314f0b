// The SharePoint side of a submission, over Graph: schema check, workbook upload, rows in batches,
// the query by key, and completing (current / superseded).
import type { PlannedRow, SubmissionPlan } from '../submission/plan';
import type { RowOutcome, SubmissionTarget, WorkbookFile } from '../submission/types';
import type { Standard, Text } from '../standard/types';
import { MAX_BATCH, runBatches, type BatchJob } from './batch';
import { checkSchema } from './provision';
import { STATUS_CURRENT, STATUS_SUPERSEDED, forumColumnName, listSpecs, metricColumnName } from './schema';
import { GraphTransportError, type GraphResponse } from './http';
import { expectOk, odataString, type GraphItem, type SharePointSite } from './sharepoint';
import { uploadFile } from './upload';
import type { Metrics } from '../engine/report';

function metricValue(metrics: Metrics, key: string): number | null {
  let v: unknown = metrics;
  for (const part of key.split('.')) v = (v as Record<string, unknown> | null)?.[part];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

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
  };
  for (const [key, value] of Object.entries(row.forum)) {
    fields[forumColumnName(key)] = key === 'date' && typeof value === 'string' ? `${value}T00:00:00Z` : value;
  }
  return withoutNulls(fields);
}

export function submissionFields(
  plan: SubmissionPlan,
  standard: Standard,
  fileUrl: string | null,
  submittedAt: string,
): Record<string, unknown> {
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
    SubmittedAt: submittedAt,
    SubmittedBy: plan.submittedBy,
    StampHash: plan.stampHash,
    StandardVersion: plan.standard,
    EngineVersion: plan.engine,
    RowCount: plan.rows.length,
    WorkbookUrl: fileUrl,
    MetricsDetail: JSON.stringify({ byQuarter: plan.metrics.byQuarter, byType: plan.metrics.byType }),
  };
  for (const m of standard.metrics)
    fields[metricColumnName(m.key)] = metricValue(plan.metrics.overall, m.key);
  return withoutNulls(fields);
}

export class GraphSubmissionTarget implements SubmissionTarget {
  constructor(
    private readonly site: SharePointSite,
    private readonly standard: Standard,
  ) {}

  async checkSchema(): Promise<Text[]> {
    const drift = await checkSchema(this.site, listSpecs(this.standard));
    return drift.filter((d) => d.blocking).map((d) => d.message);
  }

  async uploadWorkbook(plan: SubmissionPlan, file: WorkbookFile): Promise<string | null> {
    const folder = this.site.config.library.folder;
    return uploadFile(this.site, `${folder ? folder + '/' : ''}${plan.filePath}`, await file.bytes());
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
        if (outcome.kind === 'stored' || outcome.kind === 'duplicate')
          return options.onRow(row, { kind: 'stored' });
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

  /** Sets Status on many items (idempotent PATCHes in batches), repeating until every one took. */
  private async setStatus(role: 'forums' | 'submissions', items: GraphItem[], status: string): Promise<void> {
    let pending = items.filter((i) => i.fields.Status !== status);
    const base = await this.site.listPath(role);
    for (let round = 0; pending.length > 0; round++) {
      if (round >= 8) throw new Error(`${pending.length} item(s) could not be marked ${status}`);
      const failed: GraphItem[] = [];
      const byId = new Map(pending.map((i) => [i.id, i]));
      await runBatches(
        this.site.http,
        pending.map((i) => ({
          id: i.id,
          method: 'PATCH',
          url: `${base}/items/${i.id}/fields`,
          body: { Status: status },
        })),
        {
          concurrency: this.site.config.batch.concurrency,
          onOutcome: (job, outcome) => {
            if (outcome.kind !== 'stored') failed.push(byId.get(job.id)!);
          },
        },
      );
      pending = failed;
    }
  }

  /**
   * Creates the Submissions item, or finds it by its unique key when an earlier run (or a create whose
   * answer was lost) already made it, and brings its fields up to date.
   */
  private async createOrFindSubmission(
    plan: SubmissionPlan,
    fields: Record<string, unknown>,
  ): Promise<{ itemId: string; itemUrl: string | null }> {
    for (let attempt = 0; ; attempt++) {
      let created: GraphResponse<GraphItem> | null;
      try {
        created = await this.site.createItem('submissions', fields);
      } catch (e) {
        if (!(e instanceof GraphTransportError) || attempt >= 3) throw e;
        created = null;
      }
      if (created && (created.status === 201 || created.status === 200)) {
        return { itemId: created.body.id, itemUrl: created.body.webUrl ?? null };
      }
      const [existing] = await this.site.query(
        'submissions',
        `fields/SubmissionKey eq ${odataString(plan.submissionId)}`,
      );
      if (existing) {
        const { SubmittedAt: _keepFirst, ...rest } = fields;
        await this.site.patchFields('submissions', existing.id, rest);
        return { itemId: existing.id, itemUrl: existing.webUrl ?? null };
      }
      // Refused for a reason other than the key: say why. Lost in transit and not there: try again.
      if (created) expectOk(created, 'create the Submissions item');
    }
  }

  async complete(
    plan: SubmissionPlan,
    fileUrl: string | null,
    submittedAt: string,
  ): Promise<{ itemId: string; itemUrl: string | null }> {
    const fields = submissionFields(plan, this.standard, fileUrl, submittedAt);
    const key = odataString(plan.submissionId);
    const dy = odataString(plan.districtYear);
    const current = `fields/DistrictYear eq ${dy} and fields/Status eq '${STATUS_CURRENT}'`;
    const [own, olderRows, older] = await Promise.all([
      // A resubmission of exactly this data after another one: its rows become current again.
      this.site.query('forums', `fields/SubmissionId eq ${key} and fields/Status eq '${STATUS_SUPERSEDED}'`, [
        'Status',
      ]),
      this.site.query('forums', `${current} and fields/SubmissionId ne ${key}`, ['SubmissionId', 'Status']),
      this.site.query('submissions', `${current} and fields/SubmissionKey ne ${key}`, [
        'SubmissionKey',
        'Status',
      ]),
    ]);
    await this.setStatus('forums', own, STATUS_CURRENT);

    const { itemId, itemUrl } = await this.createOrFindSubmission(plan, fields);
    // Rows first, then their submission: a run cut in between finds the submission still current and
    // finishes the job.
    await this.setStatus('forums', olderRows, STATUS_SUPERSEDED);
    await this.setStatus('submissions', older, STATUS_SUPERSEDED);
    return { itemId, itemUrl };
  }
}

export { MAX_BATCH };

// What a submission sends, computed from a validation alone (pure): the deterministic submission id
// and row keys, the forum rows with the standard's fields, and the aggregates. Council members are
// represented only by aggregates: no council row, and never a name, is part of a plan.
import { BilingualError } from '../bilingual';
import type { TableRecord, ValidationReport, WorkbookMetrics } from '../engine/report';
import type { CouncilComposition } from '../engine/composition';
import type { Validation } from '../engine/validate';
import { isoFromSerial } from '../engine/dates';
import { dataHash, stampDataOf } from '../stamp';
import type { ColumnDefinition, Text } from '../standard/types';

/** A forum row's submitted values by the standard's field keys (dates as ISO `YYYY-MM-DD`). */
export type SubmittedForum = Record<string, string | number | null>;

export interface PlannedRow {
  /** Position in the plan; the journal records these. */
  index: number;
  /** Unique in the Forums list: the same submission retried collides, a changed workbook does not. */
  key: string;
  excelRow: number;
  forum: SubmittedForum;
}

export interface SubmissionPlan {
  submissionId: string;
  /** `11500-2021`: the unit a newer submission supersedes. */
  districtYear: string;
  district: string;
  districtCode: string;
  year: number;
  quarter: number;
  /** SHA-256 of the normalised data (the validation stamp's hash). */
  stampHash: string;
  standard: string;
  engine: string;
  rows: PlannedRow[];
  metrics: WorkbookMetrics;
  /** The council's composition (counts only, never a name); null without a 협치회의 구성 sheet. */
  council: CouncilComposition | null;
  /** Where the workbook file goes in the library, relative to the configured folder. */
  filePath: string;
}

/**
 * The most forum rows one submission may hold: SharePoint's list view threshold. Every query of a
 * submission's rows filters on its SubmissionId, and SharePoint refuses an indexed query matching more
 * than 5,000 items, paged or not — so a bigger submission could be sent but never verified or
 * superseded. (A district holds a few hundred forums a year.)
 */
export const MAX_ROWS_PER_SUBMISSION = 5000;

export class PlanRefused extends BilingualError {
  constructor(text: Text) {
    super(text.ko, text.en);
  }
}

export function submissionIdOf(districtCode: string, year: number, stampHash: string): string {
  return `${districtCode}-${year}-${stampHash.slice(0, 16)}`;
}

/** 연번 is unique in a workbook without errors; the Excel row is the fallback a reorder cannot confuse. */
export function rowKeyOf(submissionId: string, forum: TableRecord, idKey = 'id'): string {
  return `${submissionId}-${forum.get(idKey) ?? `r${forum.row}`}`;
}

/** Every column of the standard's forum table (computed ones included), never a personal one. */
function submitted(columns: readonly ColumnDefinition[], forum: TableRecord): SubmittedForum {
  const out: SubmittedForum = {};
  for (const c of columns) {
    if (c.personal) continue;
    const v = forum.get(c.key) ?? null;
    out[c.key] = c.type === 'date' && typeof v === 'number' ? isoFromSerial(v) : v;
  }
  return out;
}

export function buildPlan(validation: Validation, context: { engine: string }): SubmissionPlan {
  const report: ValidationReport = validation.report;
  if (report.stats.errors > 0) {
    throw new PlanRefused({
      ko: `오류 ${report.stats.errors}건이 있어 제출할 수 없습니다.`,
      en: `The workbook has ${report.stats.errors} error(s) and cannot be submitted.`,
    });
  }
  const { district, districtCode, year, quarter } = report.info;
  if (!district || !districtCode || year === null || quarter === null) {
    throw new PlanRefused({
      ko: '기본정보의 자치구·연도·분기를 읽을 수 없어 제출할 수 없습니다.',
      en: 'The district, year or quarter in 기본정보 cannot be read, so the workbook cannot be submitted.',
    });
  }
  if (validation.forums.length > MAX_ROWS_PER_SUBMISSION) {
    throw new PlanRefused({
      ko: `숙의공론장 행이 ${validation.forums.length.toLocaleString('en-US')}개입니다. 한 번에 ${MAX_ROWS_PER_SUBMISSION.toLocaleString('en-US')}개까지 제출할 수 있습니다 (SharePoint 목록 보기 임계값). 서울시 담당자에게 문의하세요.`,
      en: `The workbook has ${validation.forums.length.toLocaleString('en-US')} forum rows; one submission holds at most ${MAX_ROWS_PER_SUBMISSION.toLocaleString('en-US')} (SharePoint's list view threshold). Contact the city's desk.`,
    });
  }
  const stampHash = dataHash(stampDataOf(validation));
  const table = validation.standard.sheets.forums;
  const submissionId = submissionIdOf(districtCode, year, stampHash);
  return {
    submissionId,
    districtYear: `${districtCode}-${year}`,
    district,
    districtCode,
    year,
    quarter,
    stampHash,
    standard: report.standard,
    engine: context.engine,
    rows: validation.forums.map((f, index) => ({
      index,
      key: rowKeyOf(submissionId, f, table.idKey),
      excelRow: f.row,
      forum: submitted(table.columns, f),
    })),
    metrics: report.metrics,
    council: report.council,
    filePath: `${districtCode}/${year}/${submissionId}.xlsx`,
  };
}

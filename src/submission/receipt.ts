// The receipt as text: the lines the CLI prints and the line the workbook keeps (the Excel helper can
// show it on 요약), in both languages. Every fact is the Submissions item's, read back from SharePoint.
import type { Receipt, Submitter } from './types';

export function submitterText(s: Submitter | null): string {
  if (!s) return '-';
  return s.email && s.email !== s.displayName ? `${s.displayName} <${s.email}>` : s.displayName;
}

const STATUS: Record<string, string> = { current: '현재 / current', superseded: '대체됨 / superseded' };

export function receiptLines(r: Receipt): string[] {
  return [
    `제출 번호 / submission id: ${r.submissionId}`,
    `제출 시각 / submitted at (SharePoint): ${r.submittedAt}`,
    `제출자 / submitted by (SharePoint): ${submitterText(r.submittedBy)}`,
    `상태 / status: ${STATUS[r.status] ?? r.status}`,
    ...(r.onBehalf
      ? ['대리 제출 / on behalf: 시 담당자가 자치구를 대신해 제출 / by a city officer for the district']
      : []),
    `자치구·연도·분기 / district, year, quarter: ${r.district} (${r.districtCode}) ${r.year} Q${r.quarter}`,
    `행 수 / rows: ${r.rowCount}`,
    `검증 해시 / stamp hash: ${r.stampHash}`,
    ...(r.itemUrl ? [`SharePoint: ${r.itemUrl}`] : []),
    ...(r.fileUrl ? [`통합시트 파일 / workbook file: ${r.fileUrl}`] : []),
  ];
}

/** One line for a cell: `제출 완료 (submitted) 11500-2021-… · 2021-03-31T… · kim@… · 40행 rows · 해시 hash 0a63…`. */
export function receiptLine(r: Receipt): string {
  const by = r.submittedBy?.email ?? r.submittedBy?.displayName ?? '-';
  return `제출 완료 (submitted) ${r.submissionId} · ${r.submittedAt} · ${by} · ${r.rowCount}행 rows · 해시 hash ${r.stampHash.slice(0, 16)}`;
}

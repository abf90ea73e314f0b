// The receipt as text: the lines the CLI prints and the line the workbook keeps (the Excel helper can
// show it on 요약), in both languages.
import type { Receipt } from './types';

export function receiptLines(r: Receipt): string[] {
  return [
    `제출 번호 / submission id: ${r.submissionId}`,
    `제출 시각 / submitted at: ${r.submittedAt}`,
    `자치구·연도·분기 / district, year, quarter: ${r.district} (${r.districtCode}) ${r.year} Q${r.quarter}`,
    `행 수 / rows: ${r.rowCount}`,
    `검증 해시 / stamp hash: ${r.stampHash}`,
    ...(r.itemUrl ? [`SharePoint: ${r.itemUrl}`] : []),
  ];
}

/** One line for a cell: `제출 완료 (submitted) 11500-2021-… · 2021-03-31T… · 40행 rows · 해시 hash 0a63…`. */
export function receiptLine(r: Receipt): string {
  return `제출 완료 (submitted) ${r.submissionId} · ${r.submittedAt} · ${r.rowCount}행 rows · 해시 hash ${r.stampHash.slice(0, 16)}`;
}

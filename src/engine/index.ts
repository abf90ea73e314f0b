// The engine: pure functions from a workbook snapshot to findings and metrics. No host, no I/O.
export * from './snapshot';
export * from './report';
export * from './composition';
export { validateWorkbook, revalidateRows, ENGINE_VERSION } from './validate';
export type { Validation } from './validate';
export { detectStandard, type Detected, type StandardChoice } from './detect';
export { computeMetrics } from './metrics';
export { buildSummaryTable } from './summary';
export { checkSummaryTable } from './summary-check';

// TEMPORARY SIGNATURES — being implemented now (engine owner). Do not edit.
import type { Standard } from '../standard/types';
import { currentStandard } from '../standard';
import type { ForumRecord, Metrics, WorkbookMetrics } from './report';

export function metricsOf(_forums: readonly ForumRecord[]): Metrics {
  throw new Error('not yet');
}
export function computeMetrics(_forums: readonly ForumRecord[], _standard: Standard = currentStandard): WorkbookMetrics {
  throw new Error('not yet');
}

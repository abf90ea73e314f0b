// What the stamp section says and whether "Mark as validated" may be pressed (only with no errors,
// and only once a pass has finished, so the stamp always describes data the engine has seen).
import type { ValidationReport } from '../../engine/report';
import type { Text } from '../../standard/types';
import type { PaneState, StampVerdict } from '../../session/state';
import { strings } from '../strings';
import { formatCount, formatTime } from './format';
import type { Lang } from './language';

export interface StampView {
  tone: 'success' | 'warning' | 'informative';
  headline: string;
  details: string | null;
}

export function stampView(verdict: StampVerdict, lang: Lang): StampView {
  switch (verdict.status) {
    case 'absent':
      return { tone: 'informative', headline: strings.stampAbsent[lang], details: null };
    case 'valid':
    case 'changed': {
      const s = verdict.stamp;
      const details = strings.stampDetails(formatTime(s.at, lang), s.by, s.standard)[lang];
      if (verdict.status === 'valid') return { tone: 'success', headline: strings.stampValid[lang], details };
      return {
        tone: 'warning',
        headline: strings.stampChanged(formatCount(verdict.rowsChanged, lang))[lang],
        details,
      };
    }
  }
}

export interface MarkGate {
  enabled: boolean;
  reason: Text;
}

export function markGate(state: Pick<PaneState, 'status' | 'report'>): MarkGate {
  const report: ValidationReport | null = state.report;
  if (state.status !== 'ready' || !report) return { enabled: false, reason: strings.markBlockedPending };
  if (report.stats.errors > 0) {
    const n = String(report.stats.errors);
    return { enabled: false, reason: strings.markBlockedErrors(n) };
  }
  return { enabled: true, reason: strings.markReady };
}

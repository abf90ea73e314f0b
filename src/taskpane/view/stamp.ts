// What the stamp section says and whether "Mark as validated" may be pressed (only with no errors,
// and only once a pass has finished, so the stamp always describes data the engine has seen). The
// stamp's who, when and standard are its claims and are labelled so; the numbers are the data's.
import type { ValidationReport } from '../../engine/report';
import type { Text } from '../../standard/types';
import type { PaneState, StampVerdict } from '../../session/state';
import { strings } from '../strings';
import { formatCount, formatTime } from './format';
import type { Lang } from './language';

export interface StampView {
  tone: 'success' | 'warning' | 'error' | 'informative';
  headline: string;
  /** The stamp's claims (who, when, standard); null without a readable stamp. */
  details: string | null;
  /** The data as read now. */
  data: string | null;
  /** Why the stamp does not vouch for the data. */
  problems: string[];
}

function headlineOf(verdict: StampVerdict, lang: Lang): Pick<StampView, 'tone' | 'headline'> {
  switch (verdict.status) {
    case 'absent':
      return { tone: 'informative', headline: strings.stampAbsent[lang] };
    case 'damaged':
      return { tone: 'error', headline: strings.stampDamaged[lang] };
    case 'valid':
      return { tone: 'success', headline: strings.stampValid[lang] };
    case 'changed':
      return {
        tone: 'warning',
        headline: strings.stampChanged(formatCount(verdict.rowsChanged, lang))[lang],
      };
    case 'invalid':
      return { tone: 'error', headline: strings.stampInvalid[lang] };
  }
}

export function stampView(verdict: StampVerdict, lang: Lang): StampView {
  const c = verdict.claims;
  const d = verdict.data;
  return {
    ...headlineOf(verdict, lang),
    details: c && strings.stampDetails(formatTime(c.at, lang), c.by, c.standard)[lang],
    data:
      d && verdict.status !== 'absent'
        ? strings.stampData(
            formatCount(d.rows, lang),
            formatCount(d.errors, lang),
            formatCount(d.warnings, lang),
          )[lang]
        : null,
    problems: verdict.problems.map((p) => p.message[lang]),
  };
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

// A verdict in words, the same in the pane and the CLI: the headline, the data now (facts) and the
// stamp's claims (labelled as claims), and each reason it does not vouch for the data.
import { fillText, joinText } from '../engine/findings';
import type { Text } from '../standard/types';
import { factTexts, unitTexts, verdictHeadlines } from './messages';
import { shortHash } from './shown';
import type { StampUnit, StampVerdict } from './types';

export interface VerdictText {
  headline: Text;
  /** The data as read now; null before the first validation. */
  data: Text | null;
  /** What the stamp says about itself; null without a readable stamp. */
  claims: Text | null;
  problems: Text[];
}

const UNIT_ORDER: StampUnit[] = ['info', 'forums', 'council', 'names', 'sheets', 'summary'];

export function describeVerdict(verdict: StampVerdict): VerdictText {
  const detail = joinText(
    UNIT_ORDER.filter((u) => verdict.changes[u]).map((u) =>
      fillText(unitTexts[u], { n: verdict.changes[u] }),
    ),
    { ko: ', ', en: ', ' },
  );
  const headline = fillText(verdictHeadlines[verdict.status], { n: verdict.rowsChanged, detail });
  const d = verdict.data;
  const c = verdict.claims;
  return {
    headline,
    data: d && fillText(factTexts.data, { ...d, hash: d.hash ? shortHash(d.hash) : '–' }),
    claims: c && fillText(factTexts.claims, { ...c }),
    problems: verdict.problems.map((p) => p.message),
  };
}

// The reviewer view (shown when the workbook carries a stamp): what the city's records say about the
// data now, in the pane's language. The look-up is an action (it needs a sign-in), never a gate: the
// district's own work goes on whatever it answers.
import type { CityCheck } from '../../city/verify';
import { cityCheckLines } from '../../city/verify';
import type { StampVerdict } from '../../session/state';
import type { Lang } from './language';

export interface ReviewView {
  /** A stamped workbook: the section is shown. */
  shown: boolean;
  /** The data's hash now (what is looked up); null before the first pass. */
  hash: string | null;
  lines: { ok: boolean; text: string }[];
  /** The check answered for other data than the workbook holds now. */
  stale: boolean;
}

export function reviewView(verdict: StampVerdict, check: CityCheck | null, lang: Lang): ReviewView {
  const hash = verdict.data?.hash ?? null;
  return {
    shown: verdict.claims !== null,
    hash,
    lines: check ? cityCheckLines(check).map((l) => ({ ok: l.ok, text: l.text[lang] })) : [],
    stale: check !== null && check.hash !== hash,
  };
}

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
  lines: { ok: boolean; text: string }[];
  /** The check answered for other data than the workbook holds now. */
  stale: boolean;
}

/**
 * `hashNow` gives the data's hash as it is now; it is asked only while an answer is shown (the full
 * hash costs a pass over every row, which a keystroke should not pay for otherwise).
 */
export function reviewView(
  verdict: StampVerdict,
  check: CityCheck | null,
  lang: Lang,
  hashNow: () => string | null,
): ReviewView {
  return {
    shown: verdict.claims !== null,
    lines: check ? cityCheckLines(check).map((l) => ({ ok: l.ok, text: l.text[lang] })) : [],
    stale: check !== null && check.hash !== (verdict.data?.hash ?? hashNow()),
  };
}

// Text normalisation shared by header matching, sheet lookup and value parsing. NFKC folds the
// full-width forms districts paste from HWP documents (１２, （, U+3000) into their ASCII twins.

/**
 * Characters NFKC may change. Printable ASCII and precomposed Hangul syllables (가–힣) are left as
 * they are by NFKC and cannot combine with each other, so text made only of them — most of what
 * districts type — skips the normalisation, which costs more than the rest of reading a cell.
 */
const MAY_FOLD = /[^\u0020-\u007e\t\r\n\uac00-\ud7a3]/;

export function fold(s: string): string {
  return MAY_FOLD.test(s) ? s.normalize('NFKC') : s;
}

/** The key two header texts are compared by: no spaces or line breaks, folded, lower case. */
export function headerKey(s: string): string {
  return fold(s).replace(/\s+/g, '').toLowerCase();
}

/** Sheet names compare with surrounding spaces removed and full-width forms folded. */
export function sheetKey(s: string): string {
  return fold(s).trim();
}

/** Trims ordinary white space only: a full-width space inside an enum value is a real difference. */
export function trimAscii(s: string): string {
  return s.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '');
}

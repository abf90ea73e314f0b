// Text normalisation shared by header matching, sheet lookup and value parsing. NFKC folds the
// full-width forms districts paste from HWP documents (１２, （, U+3000) into their ASCII twins.

const NON_ASCII = /[^\u0020-\u007e\t\r\n]/;

export function fold(s: string): string {
  return NON_ASCII.test(s) ? s.normalize('NFKC') : s;
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

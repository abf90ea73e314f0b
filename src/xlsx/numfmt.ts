// Number formats from styles.xml: a cell's style index → its format code (built-in ids are not
// written in the file), and whether the code shows a date (for 1904-system workbooks).

/**
 * ECMA-376 §18.8.30's built-in formats; the East Asian ids (27–36, 50–58) in their Korean form, as
 * Korean Excel writes them.
 */
const BUILT_IN: Record<number, string> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  27: 'yyyy"年" mm"月" dd"日"',
  28: 'mm-dd',
  29: 'mm-dd',
  30: 'mm-dd-yy',
  31: 'yyyy"년" mm"월" dd"일"',
  32: 'h"시" mm"분"',
  33: 'h"시" mm"분" ss"초"',
  34: 'yyyy-mm-dd',
  35: 'yyyy-mm-dd',
  36: 'yyyy"年" mm"月" dd"日"',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
  50: 'yyyy"年" mm"月" dd"日"',
  51: 'mm-dd',
  52: 'yyyy-mm-dd',
  53: 'yyyy-mm-dd',
  54: 'mm-dd',
  55: 'yyyy-mm-dd',
  56: 'yyyy-mm-dd',
  57: 'yyyy"年" mm"月" dd"日"',
  58: 'mm-dd',
};

export function builtInFormat(id: number): string | undefined {
  return BUILT_IN[id];
}

/** A format shows a date or time when, outside quotes and brackets, it has date or time letters. */
export function isDateFormat(code: string | undefined): boolean {
  if (!code) return false;
  const bare = code.replace(/\[[^\]]*\]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]/.test(bare.replace(/General/gi, ''));
}

/** One cell format as the reader uses it: the code the snapshot carries, and whether it is a date. */
export interface CellFormat {
  /** Absent for General. */
  code: string | undefined;
  date: boolean;
}

export function cellFormat(code: string | undefined): CellFormat {
  const shown = code && code !== 'General' ? code : undefined;
  return { code: shown, date: isDateFormat(shown) };
}

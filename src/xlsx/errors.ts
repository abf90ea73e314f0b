// Why a file could not be read, in both languages; the CLI prints exactly one such line per bad file.
import { BilingualError } from '../bilingual';
import type { Text } from '../standard/types';

export type XlsxReadErrorKind =
  | 'missing'
  | 'unreadable'
  | 'not-xlsx'
  | 'corrupt'
  | 'encrypted'
  | 'unsupported'
  /** Beyond one of the reader's limits (src/xlsx/limits.ts); the text names the limit and the value. */
  | 'limit';

const MESSAGES: Record<Exclude<XlsxReadErrorKind, 'limit' | 'unsupported'>, Text> = {
  missing: { ko: '파일이 없습니다', en: 'file not found' },
  unreadable: { ko: '파일을 읽을 수 없습니다(권한 등)', en: 'the file cannot be read (permissions?)' },
  'not-xlsx': { ko: 'Excel(.xlsx) 파일이 아닙니다', en: 'not an Excel (.xlsx) file' },
  corrupt: { ko: '손상된 .xlsx 파일입니다', en: 'the .xlsx file is corrupt' },
  encrypted: {
    ko: '암호로 보호된 파일이거나 예전 .xls 형식입니다(암호를 풀고 .xlsx로 저장하세요)',
    en: 'password-protected or old .xls format (remove the password and save as .xlsx)',
  },
};

export class XlsxReadError extends BilingualError {
  constructor(
    readonly kind: XlsxReadErrorKind,
    readonly file: string,
    readonly detail?: unknown,
    /** The message for 'limit' and 'unsupported', which depend on what was found. */
    text?: Text,
  ) {
    const t = text ?? MESSAGES[kind as keyof typeof MESSAGES];
    super(`${file}: ${t.ko}`, `${file}: ${t.en}`, detail);
  }
}

/** A damaged zip or part; `why` is for developers (kept as the detail, never shown). */
export function corrupt(file: string, why: string): XlsxReadError {
  return new XlsxReadError('corrupt', file, new Error(why));
}

// The reader's limits (docs/cli.md, "Limits"): each is checked before the work it bounds — declared
// sizes before anything is inflated, actual sizes while inflating, rows and cells while parsing — and
// a file beyond one gets one bilingual line naming the limit and what was found.
import type { Text } from '../standard/types';
import { XlsxReadError } from './errors';

export const XLSX_LIMITS = {
  /** A consolidated table given as .csv or .md (`summary --check`): 25 districts are a few KB. */
  tableFileBytes: 10_000_000,
  /** Entries in the zip. A workbook has tens; hundreds with many pictures. */
  zipEntries: 10_000,
  /** The zip's central directory (the list of entries), read whole before anything else. */
  centralDirectoryBytes: 16_000_000,
  /** Sheets listed in workbook.xml (names and visibility are kept for every one). */
  sheets: 1_000,
  /** Characters of a sheet name (Excel allows 31; every finding carries its sheet's name). */
  sheetName: 255,
  /** Inflated bytes of all the parts read, together. */
  totalBytes: 500_000_000,
  /**
   * A value in a row past this one refuses the file. A district-year is hundreds of rows; 20,000 is
   * fifty times the largest, and keeps the engine's worst case (every cell wrong: a finding each)
   * within seconds and a few hundred MB.
   */
  rowsPerSheet: 20_000,
  /** Cells in all the sheets read, counting the empty ones before each row's last value. */
  cells: 500_000,
  /** Excel's own limit for the text of one cell (also applied to a formula's text). */
  cellText: 32_767,
  /** Characters of text (strings and formulas) in all the cells read. */
  textTotal: 20_000_000,
  /** Cell formats (styles.xml cellXfs); Excel itself allows 64,000. */
  cellFormats: 65_536,
  /** XML limits for every part: element nesting, one tag, attributes of one element. */
  xmlDepth: 64,
  /**
   * XML elements in all the parts read: 500,000 cells are about 1.5 million; this bounds the time a
   * part of tiny elements takes (about 1.5 s).
   */
  xmlElements: 5_000_000,
  xmlMarkup: 100_000,
  xmlAttributes: 256,
} as const;

/** The parts read, each with its own size limit (inflated bytes) and its name in messages. */
export type PartKind =
  | 'relationships'
  | 'workbook'
  | 'styles'
  | 'sharedStrings'
  | 'sheet'
  | 'stamp'
  | 'properties'
  /** Any part, when the whole package is read (the name-free copy, src/xlsx/name-free.ts). */
  | 'part';

export const PART_BYTES: Record<PartKind, number> = {
  relationships: 10_000_000,
  workbook: 10_000_000,
  styles: 100_000_000,
  sharedStrings: 200_000_000,
  sheet: 200_000_000,
  // UTF-16 doubles the stamp's 1-million-character limit (src/stamp/format.ts).
  stamp: 2_000_000,
  /** docProps/custom.xml: a handful of short properties (Excel allows 255 characters each). */
  properties: 1_000_000,
  /** The largest a sheet may be, for any part. */
  part: 200_000_000,
};

/** Where a part is, for messages: its kind and, for a sheet, its name. */
export interface PartRef {
  kind: PartKind;
  sheet?: string;
  path: string;
}

export const count = (n: number): string => n.toLocaleString('en-US');

function size(bytes: number, space: string): string {
  const units: [number, string][] = [
    [1e9, 'GB'],
    [1e6, 'MB'],
    [1e3, 'KB'],
  ];
  for (const [unit, name] of units) {
    if (bytes >= unit) {
      const v = bytes / unit;
      return `${v >= 100 || Number.isInteger(v) ? Math.round(v) : v.toFixed(1)}${space}${name}`;
    }
  }
  return `${bytes}${space}B`;
}

/** Names from the file are shown, but never at length. */
export function shortName(s: string, max = 40): string {
  return s.length > max ? `${s.slice(0, max)}…` : s;
}

/** The part as the subject of a Korean sentence (with its particle) and in English. */
function subject(part: PartRef): Text {
  switch (part.kind) {
    case 'sheet':
      return {
        ko: `시트 '${shortName(part.sheet ?? '')}'의 XML이`,
        en: `the XML of sheet '${shortName(part.sheet ?? '')}'`,
      };
    case 'sharedStrings':
      return { ko: `공유 문자열 표(${part.path})가`, en: `the shared strings part (${part.path})` };
    case 'styles':
      return { ko: `서식 정보(${part.path})가`, en: `the styles part (${part.path})` };
    case 'workbook':
      return { ko: `통합 문서 정보(${part.path})가`, en: `the workbook part (${part.path})` };
    case 'relationships':
      return { ko: `관계 정보(${part.path})가`, en: `the relationships part (${part.path})` };
    case 'stamp':
      return { ko: `검증 표시(${part.path})가`, en: `the validation stamp part (${part.path})` };
    case 'properties':
      return { ko: `문서 속성(${part.path})이`, en: `the document properties part (${part.path})` };
    case 'part':
      return { ko: `파일 안의 ${part.path}이(가)`, en: `the part ${part.path}` };
  }
}

function partName(part: PartRef): Text {
  return part.kind === 'sheet'
    ? { ko: `시트 '${shortName(part.sheet ?? '')}'`, en: `sheet '${shortName(part.sheet ?? '')}'` }
    : { ko: part.path, en: part.path };
}

function refused(file: string, text: Text): XlsxReadError {
  return new XlsxReadError('limit', file, undefined, text);
}

export const limitError = {
  tableFile: (file: string, found: number) =>
    refused(file, {
      ko: `표 파일이 ${size(XLSX_LIMITS.tableFileBytes, '')}를 넘습니다 (${size(found, '')})`,
      en: `the table file exceeds ${size(XLSX_LIMITS.tableFileBytes, ' ')} (${size(found, ' ')})`,
    }),
  zipEntries: (file: string, found: number) =>
    refused(file, {
      ko: `zip 항목이 ${count(XLSX_LIMITS.zipEntries)}개를 넘습니다 (${count(found)}개)`,
      en: `the zip holds more than ${count(XLSX_LIMITS.zipEntries)} entries (${count(found)})`,
    }),
  centralDirectory: (file: string, found: number) =>
    refused(file, {
      ko: `zip 목록(central directory)이 ${size(XLSX_LIMITS.centralDirectoryBytes, '')}를 넘습니다 (${size(found, '')})`,
      en: `the zip's central directory exceeds ${size(XLSX_LIMITS.centralDirectoryBytes, ' ')} (${size(found, ' ')})`,
    }),
  sheets: (file: string, found: number) =>
    refused(file, {
      ko: `시트가 ${count(XLSX_LIMITS.sheets)}개를 넘습니다 (${count(found)}개)`,
      en: `more than ${count(XLSX_LIMITS.sheets)} sheets (${count(found)})`,
    }),
  sheetName: (file: string, found: number) =>
    refused(file, {
      ko: `시트 이름이 ${XLSX_LIMITS.sheetName}자를 넘습니다 (${count(found)}자)`,
      en: `a sheet name exceeds ${XLSX_LIMITS.sheetName} characters (${count(found)})`,
    }),
  part: (file: string, part: PartRef, found: number) => {
    const s = subject(part);
    const max = PART_BYTES[part.kind];
    return refused(file, {
      ko: `${s.ko} ${size(max, '')}를 넘습니다 (${size(found, '')})`,
      en: `${s.en} exceeds ${size(max, ' ')} (${size(found, ' ')})`,
    });
  },
  total: (file: string, found: number) =>
    refused(file, {
      ko: `읽어야 할 XML이 모두 합쳐 ${size(XLSX_LIMITS.totalBytes, '')}를 넘습니다 (${size(found, '')} 이상)`,
      en: `the XML to read exceeds ${size(XLSX_LIMITS.totalBytes, ' ')} in all (at least ${size(found, ' ')})`,
    }),
  rows: (file: string, sheet: string, row: number) =>
    refused(file, {
      ko: `시트 '${shortName(sheet)}'의 ${count(row)}행에 값이 있습니다 — 시트마다 ${count(XLSX_LIMITS.rowsPerSheet)}행까지 읽습니다`,
      en: `sheet '${shortName(sheet)}' has a value in row ${count(row)}; at most ${count(XLSX_LIMITS.rowsPerSheet)} rows per sheet are read`,
    }),
  cells: (file: string) =>
    refused(file, {
      ko: `읽을 셀이 ${count(XLSX_LIMITS.cells)}개를 넘습니다(행마다 마지막 값까지의 빈 셀 포함)`,
      en: `more than ${count(XLSX_LIMITS.cells)} cells to read (empty cells before a row's last value included)`,
    }),
  cellText: (file: string, where: string, found: number, atLeast: boolean) =>
    refused(file, {
      ko: `${where}의 텍스트가 Excel의 한도 ${count(XLSX_LIMITS.cellText)}자를 넘습니다 (${count(found)}자${atLeast ? ' 이상' : ''})`,
      en: `the text in ${where} exceeds Excel's limit of ${count(XLSX_LIMITS.cellText)} characters (${atLeast ? 'at least ' : ''}${count(found)})`,
    }),
  textTotal: (file: string) =>
    refused(file, {
      ko: `셀의 텍스트가 모두 합쳐 ${count(XLSX_LIMITS.textTotal)}자를 넘습니다`,
      en: `the text in all cells exceeds ${count(XLSX_LIMITS.textTotal)} characters`,
    }),
  cellFormats: (file: string, found: number) =>
    refused(file, {
      ko: `셀 서식이 ${count(XLSX_LIMITS.cellFormats)}개를 넘습니다 (${count(found)}개 이상)`,
      en: `more than ${count(XLSX_LIMITS.cellFormats)} cell formats (at least ${count(found)})`,
    }),
  xmlDepth: (file: string, part: PartRef) => {
    const p = partName(part);
    return refused(file, {
      ko: `${p.ko}: XML 요소가 ${XLSX_LIMITS.xmlDepth}단계보다 깊게 중첩되어 있습니다`,
      en: `${p.en}: XML elements nested deeper than ${XLSX_LIMITS.xmlDepth} levels`,
    });
  },
  xmlElements: (file: string) =>
    refused(file, {
      ko: `읽을 XML 요소가 모두 합쳐 ${count(XLSX_LIMITS.xmlElements)}개를 넘습니다`,
      en: `the XML to read holds more than ${count(XLSX_LIMITS.xmlElements)} elements`,
    }),
  xmlMarkup: (file: string, part: PartRef) => {
    const p = partName(part);
    return refused(file, {
      ko: `${p.ko}: XML 태그 하나가 ${count(XLSX_LIMITS.xmlMarkup)}자를 넘습니다`,
      en: `${p.en}: one XML tag exceeds ${count(XLSX_LIMITS.xmlMarkup)} characters`,
    });
  },
  xmlAttributes: (file: string, part: PartRef) => {
    const p = partName(part);
    return refused(file, {
      ko: `${p.ko}: XML 요소 하나의 속성이 ${XLSX_LIMITS.xmlAttributes}개를 넘습니다`,
      en: `${p.en}: one XML element has more than ${XLSX_LIMITS.xmlAttributes} attributes`,
    });
  },
};

export const unsupported = {
  multiDisk: (file: string) =>
    new XlsxReadError('unsupported', file, undefined, {
      ko: '여러 파일로 나뉜(분할) zip은 읽지 않습니다',
      en: 'split (multi-part) zip archives are not supported',
    }),
  method: (file: string, method: number) =>
    new XlsxReadError('unsupported', file, undefined, {
      ko: `지원하지 않는 압축 방식입니다 (${method})`,
      en: `unsupported compression method (${method})`,
    }),
};

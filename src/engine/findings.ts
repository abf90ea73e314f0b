// Findings are data: the code picks the catalog entry (severity, message templates) from the
// standard, and the rule only supplies the place, the value and the template's parameters. One
// function fills a template in both languages; a parameter may itself be bilingual.
import type { FindingCode, Standard, Text } from '../standard/types';
import type { Finding } from './report';
import type { CellValue } from './snapshot';

export interface Place {
  sheet: string | null;
  cell: string | null;
  row: number | null;
  field: string | null;
}

/** A template parameter: the same in both languages, or a Text giving each language its own. */
export type Param = string | number | null | undefined | Text;
export type Params = Record<string, Param>;

const PLACEHOLDER = /\{(\w+)\}/g;

function inLanguage(v: Param, lang: keyof Text): string {
  if (v === null || v === undefined) return '';
  return typeof v === 'object' ? v[lang] : String(v);
}

/** Fills `{name}` placeholders of a bilingual template; unknown names become ''. */
export function fillText(template: Text, params: Params): Text {
  return {
    ko: template.ko.replace(PLACEHOLDER, (_, name: string) => inLanguage(params[name], 'ko')),
    en: template.en.replace(PLACEHOLDER, (_, name: string) => inLanguage(params[name], 'en')),
  };
}

/** Bilingual texts joined with a bilingual separator (`행정·민간`, `officials and citizens`). */
export function joinText(parts: readonly Text[], separator: Text): Text {
  return { ko: parts.map((p) => p.ko).join(separator.ko), en: parts.map((p) => p.en).join(separator.en) };
}

export function makeFinding(
  standard: Standard,
  code: FindingCode,
  place: Place,
  value: CellValue | undefined,
  params: Params = {},
  fix: string | number | null = null,
): Finding {
  const def = standard.findings[code];
  const shown =
    value === undefined || value === null ? null : typeof value === 'boolean' ? String(value) : value;
  return {
    code,
    severity: def.severity,
    sheet: place.sheet,
    cell: place.cell,
    row: place.row,
    field: place.field,
    value: shown,
    message: fillText(def.message, { value: shown, sheet: place.sheet, ...params }),
    fix,
  };
}

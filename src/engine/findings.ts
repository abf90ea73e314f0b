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

/** A finding quotes at most this much of a long cell text, so a report stays readable and small. */
export const QUOTE_LIMIT = 100;

/** The first QUOTE_LIMIT characters of a long text, marked with '…' (a surrogate pair is never cut). */
export function quoted(text: string): string {
  if (text.length <= QUOTE_LIMIT) return text;
  const end = /[\uD800-\uDBFF]/.test(text[QUOTE_LIMIT - 1]) ? QUOTE_LIMIT - 1 : QUOTE_LIMIT;
  return `${text.slice(0, end)}…`;
}

function inLanguage(v: Param, lang: keyof Text): string {
  if (v === null || v === undefined) return '';
  // Plain values may come from a cell and are quoted short; bilingual ones are the catalog's words.
  return typeof v === 'object' ? v[lang] : quoted(String(v));
}

/** A template split once into literal text and placeholder names: [text, name, text, name, …, text]. */
const parsed = new Map<string, string[]>();

function partsOf(template: string): string[] {
  let parts = parsed.get(template);
  if (!parts) {
    parts = template.split(PLACEHOLDER);
    if (parsed.size < 10_000) parsed.set(template, parts);
  }
  return parts;
}

/** `fallback` answers the names `params` lacks (a finding's `{value}` and `{sheet}`). */
function fill(template: string, params: Params, lang: keyof Text, fallback?: Params): string {
  const parts = partsOf(template);
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i];
    const v = name in params || !fallback ? params[name] : fallback[name];
    out += inLanguage(v, lang) + parts[i + 1];
  }
  return out;
}

/** Fills `{name}` placeholders of a bilingual template; unknown names become ''. */
export function fillText(template: Text, params: Params, fallback?: Params): Text {
  return { ko: fill(template.ko, params, 'ko', fallback), en: fill(template.en, params, 'en', fallback) };
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
    value === undefined || value === null
      ? null
      : typeof value === 'boolean'
        ? String(value)
        : typeof value === 'string'
          ? quoted(value)
          : value;
  return {
    code,
    severity: def.severity,
    sheet: place.sheet,
    cell: place.cell,
    row: place.row,
    field: place.field,
    value: shown,
    message: fillText(def.message, params, { value: shown, sheet: place.sheet }),
    fix,
  };
}

// Findings are data: the code picks the catalog entry (severity, message templates) from the
// standard, and the rule only supplies the place, the value and the template's parameters.
import type { FindingCode, Standard, Text } from '../standard/types';
import type { Finding } from './report';
import type { CellValue } from './snapshot';

export interface Place {
  sheet: string | null;
  cell: string | null;
  row: number | null;
  field: string | null;
}

export type Params = Record<string, string | number | null | undefined>;

const PLACEHOLDER = /\{(\w+)\}/g;

/** A finding quotes at most this much of a long cell text, so a report stays readable and small. */
export const QUOTE_LIMIT = 100;

/** The first QUOTE_LIMIT characters of a long text, marked with '…' (a surrogate pair is never cut). */
export function quoted(text: string): string {
  if (text.length <= QUOTE_LIMIT) return text;
  const end = /[\uD800-\uDBFF]/.test(text[QUOTE_LIMIT - 1]) ? QUOTE_LIMIT - 1 : QUOTE_LIMIT;
  return `${text.slice(0, end)}…`;
}

function clampParams(params: Params): Params {
  const out: Params = {};
  for (const [k, v] of Object.entries(params)) out[k] = typeof v === 'string' ? quoted(v) : v;
  return out;
}

function fill(template: string, params: Params): string {
  return template.replace(PLACEHOLDER, (_, name: string) => {
    const v = params[name];
    return v === null || v === undefined ? '' : String(v);
  });
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
  const clamped = clampParams(params);
  const all: Params = { value: shown, sheet: place.sheet ? quoted(place.sheet) : place.sheet, ...clamped };
  const message: Text = {
    ko: fill(def.message.ko, all),
    en: fill(def.message.en, { ...all, ...englishOverrides(clamped) }),
  };
  return {
    code,
    severity: def.severity,
    sheet: place.sheet,
    cell: place.cell,
    row: place.row,
    field: place.field,
    value: shown,
    message,
    fix,
  };
}

/** Parameters with an `En` twin (`fieldEn`) replace the Korean one in English messages. */
function englishOverrides(params: Params): Params {
  const out: Params = {};
  for (const key of Object.keys(params)) {
    if (key.endsWith('En')) out[key.slice(0, -2)] = params[key];
  }
  return out;
}

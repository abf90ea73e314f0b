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
    value === undefined || value === null ? null : typeof value === 'boolean' ? String(value) : value;
  const all: Params = { value: shown, sheet: place.sheet, ...params };
  const message = fillText(def.message, all);
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

/**
 * A bilingual message template with its `{name}` placeholders filled; a parameter with an `En`
 * twin (`fieldEn`) gives the English message its own value. A missing parameter leaves nothing.
 */
export function fillText(template: Text, params: Params): Text {
  return { ko: fill(template.ko, params), en: fill(template.en, { ...params, ...englishOverrides(params) }) };
}

/** Parameters with an `En` twin (`fieldEn`) replace the Korean one in English messages. */
function englishOverrides(params: Params): Params {
  const out: Params = {};
  for (const key of Object.keys(params)) {
    if (key.endsWith('En')) out[key.slice(0, -2)] = params[key];
  }
  return out;
}

// What `delib status|databook|composition` share: the options that name SharePoint and the format,
// reading the register and a year's Submissions (src/graph/city.ts), and writing the result.
import { connectGraph } from './graph-connection';
import path from 'node:path';
import type { CliIO } from './command';
import { UsageError } from './command';
import { readCity, readerIdentity, type CityReading } from '../graph/city';
import { newestStandard } from '../standard';
import type { Text } from '../standard/types';
import type { DeskSheet } from '../workbook/desk';
import { writeDeskWorkbook } from '../xlsx/desk';

import { emit } from './output-file';

export const CITY_FORMATS = ['table', 'json', 'csv', 'md', 'xlsx'] as const;
export type CityFormat = (typeof CITY_FORMATS)[number];

export const CITY_OPTIONS = {
  year: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
  lang: { type: 'string' },
  config: { type: 'string' },
  'graph-root': { type: 'string' },
} as const;

export function parseCityFormat(value: string | undefined, out: string | undefined): CityFormat {
  const format = (value ?? 'table') as CityFormat;
  if (!CITY_FORMATS.includes(format))
    throw new UsageError(
      `알 수 없는 --format '${format}' (${CITY_FORMATS.join('|')})`,
      `unknown --format '${format}' (${CITY_FORMATS.join('|')})`,
    );
  if (format === 'xlsx' && !out)
    throw new UsageError('--format xlsx에는 --out 파일이 필요합니다', '--format xlsx needs --out FILE');
  return format;
}

export function requireYear(value: string | undefined, option = '--year'): string {
  if (value === undefined) throw new UsageError(`${option} 연도를 지정하세요`, `give ${option} YEAR`);
  return value;
}

/**
 * The register and the Submissions items of `years`, read as the signed-in account (which must be
 * able to read the site's lists). The account's own groups are asked for only when a creator can
 * be matched to the register in no other way.
 */
export async function readCityFromSharePoint(
  values: { config?: string; 'graph-root'?: string },
  io: CliIO,
  years: number[],
): Promise<CityReading> {
  const graph = connectGraph(values, io);
  return readCity(graph.site, years, {
    standard: newestStandard,
    reader: (register) => readerIdentity(graph.http, register),
  });
}

/** A city table in every format, and what goes with it. */
export interface CityOutput {
  /** Title lines: the first names the year (and quarter). */
  title: string[];
  json: unknown;
  text(): string;
  csv(): string;
  md(): string;
  sheets(): DeskSheet[];
  notes: Text[];
}

/**
 * Writes the chosen format to --out or stdout. Notes go with the table in text and JSON; for the
 * other formats (and files) to stderr. With --out, one line says what was written.
 */
export async function emitCity(
  format: CityFormat,
  out: string | undefined,
  io: CliIO,
  o: CityOutput,
): Promise<void> {
  if (format === 'json') await emit(JSON.stringify(o.json, null, 2) + '\n', out, io);
  else if (format === 'csv') await emit(o.csv(), out, io, true);
  else if (format === 'md') await emit(o.md(), out, io);
  else if (format === 'xlsx') await writeDeskWorkbook(path.resolve(io.cwd, out!), o.sheets());
  else await emit(o.text(), out, io);
  if (format !== 'table' && format !== 'json') for (const n of o.notes) io.err(`* ${n.ko} / ${n.en}\n`);
  if (out) io.out(`${out}: ${o.title[0]}\n`);
}

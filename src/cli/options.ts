// Option values shared by the commands: a bad value is a usage error naming what is allowed.
import { UsageError } from './command';
import type { Lang } from './format';
import type { Quarter } from '../engine/report';
import { parseQuarter } from '../engine/parse';
import { newestStandard } from '../standard';

export function parseLang(value: string | undefined): Lang {
  if (value === undefined || value === 'ko' || value === 'en') return value ?? 'ko';
  throw new UsageError(`--lang은 ko 또는 en입니다 ('${value}')`, `--lang is ko or en ('${value}')`);
}

/** `--format` for the commands that print a report: text (default) or json. */
export function parseReportFormat(value: string | undefined): 'text' | 'json' {
  const format = value ?? 'text';
  if (format === 'text' || format === 'json') return format;
  throw new UsageError(
    `--format은 text 또는 json입니다 ('${format}')`,
    `--format is text or json ('${format}')`,
  );
}

/** `--year Y`: a year the standard allows in 기본정보 (2018–2100). */
export function parseYear(value: string): number {
  const field = newestStandard.sheets.info.fields.find((f) => f.key === 'year')!;
  const year = /^\d{4}$/.test(value.trim()) ? Number(value) : NaN;
  if (year >= (field.min ?? 0) && year <= (field.max ?? Infinity)) return year;
  throw new UsageError(
    `--year는 ${field.min}–${field.max}의 연도입니다 ('${value}')`,
    `--year is a year ${field.min}–${field.max} ('${value}')`,
  );
}

/** `--quarter Q`: 1–4, in the forms 기본정보 accepts (`2`, `2분기`, `Q2`). */
export function parseQuarterOption(value: string): Quarter {
  const q = parseQuarter(value);
  if (Number.isInteger(q)) return q as Quarter;
  throw new UsageError(`--quarter는 1–4입니다 ('${value}')`, `--quarter is 1–4 ('${value}')`);
}

// Option values shared by the commands: a bad value is a usage error naming what is allowed.
import { UsageError } from './command';
import type { Lang } from './format';

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

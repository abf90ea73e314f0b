// Turns anything thrown into a one-line bilingual message. Known failures carry their own {ko, en};
// anything else is reported by its message only — never a stack trace.
import { parseArgs } from 'node:util';
import { UsageError } from './command';

export interface Bilingual {
  ko: string;
  en: string;
}

function isBilingual(e: unknown): e is Bilingual {
  return (
    typeof e === 'object' &&
    e !== null &&
    typeof (e as Bilingual).ko === 'string' &&
    typeof (e as Bilingual).en === 'string'
  );
}

export function describeError(e: unknown): Bilingual {
  if (isBilingual(e)) return { ko: e.ko, en: e.en };
  const message = e instanceof Error ? e.message : String(e);
  const oneLine = message.split('\n')[0].slice(0, 300);
  return { ko: `예기치 않은 오류: ${oneLine}`, en: `unexpected error: ${oneLine}` };
}

type ParseConfig = Parameters<typeof parseArgs>[0];

/**
 * node:util parseArgs, with its errors (unknown option, missing value) turned into UsageError so the
 * user sees one bilingual line and the command's usage.
 */
export function parseCommandLine<T extends NonNullable<ParseConfig>>(args: string[], config: T) {
  try {
    return parseArgs({ ...config, args, strict: true, allowPositionals: true });
  } catch (e) {
    const msg = e instanceof Error ? e.message.split('\n')[0] : String(e);
    throw new UsageError(`잘못된 옵션입니다 (${msg})`, `bad option (${msg})`);
  }
}

// `delib summary FILE... [--year Y] [--format table|json|csv|md|xlsx] [--out PATH] [--lang ko|en]` and
// `delib summary --check FILE`.
// Exit: 0 done (or table consistent), 1 a source had errors (or the table is inconsistent),
// 2 usage error, unreadable file, or no consolidated table found by --check.
import path from 'node:path';
import type { CommandRunner } from '../command';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError } from '../command';
import { describeError, parseCommandLine } from '../errors';
import { loadFiles } from '../load';
import { buildSummaryTable, type SummaryTable } from '../../engine/summary';
import { summaryCsv, summaryJson, summaryMarkdown, summaryText } from '../summary-output';
import { writeSummaryWorkbook } from '../../xlsx/summary';
import { parseLang, parseYear } from '../options';
import { runCheck } from '../summary-check-command';
import { emit } from '../output-file';

const FORMATS = ['table', 'json', 'csv', 'md', 'xlsx'] as const;
type Format = (typeof FORMATS)[number];

export const summaryCommand: CommandRunner = {
  async run(args, io) {
    const { values, positionals } = parseCommandLine(args, {
      options: {
        format: { type: 'string' },
        out: { type: 'string' },
        lang: { type: 'string' },
        check: { type: 'boolean' },
        year: { type: 'string' },
      },
    });
    const lang = parseLang(values.lang);
    const format = (values.format ?? 'table') as Format;
    if (!FORMATS.includes(format)) {
      throw new UsageError(
        `알 수 없는 --format '${format}' (${FORMATS.join('|')})`,
        `unknown --format '${format}' (${FORMATS.join('|')})`,
      );
    }
    if (values.check) {
      if (positionals.length !== 1)
        throw new UsageError('--check에는 파일 하나를 지정하세요', '--check takes exactly one file');
      if (format !== 'table' && format !== 'json') {
        throw new UsageError('--check의 --format은 table 또는 json입니다', '--check prints table or json');
      }
      return runCheck(positionals[0], format === 'json' ? 'json' : 'text', lang, io);
    }
    if (positionals.length === 0) throw new UsageError('집계할 파일을 지정하세요', 'give at least one file');
    const year = values.year === undefined ? undefined : parseYear(values.year);
    if (format === 'xlsx' && !values.out) {
      throw new UsageError('--format xlsx에는 --out 파일이 필요합니다', '--format xlsx needs --out FILE');
    }
    const { loaded, failed } = await loadFiles(positionals, io);
    if (loaded.length === 0) return EXIT_USAGE;
    let table: SummaryTable;
    try {
      table = buildSummaryTable(
        loaded.map((l) => l.report),
        undefined,
        { year },
      );
    } catch (e) {
      // Files of different years are never added into one 총계: one bilingual line, nothing written.
      const { ko, en } = describeError(e);
      io.err(`✗ ${ko} / ${en}\n`);
      return EXIT_USAGE;
    }
    try {
      if (format === 'xlsx') await writeSummaryWorkbook(path.resolve(io.cwd, values.out!), table);
      else if (format === 'json') await emit(summaryJson(table), values.out, io);
      else if (format === 'csv') await emit(summaryCsv(table), values.out, io, true);
      else if (format === 'md') await emit(summaryMarkdown(table), values.out, io);
      else await emit(summaryText(table, lang), values.out, io);
    } catch (e) {
      const { ko, en } = describeError(e);
      io.err(`✗ ${values.out}: 저장할 수 없습니다 (${ko}) / cannot write (${en})\n`);
      return EXIT_USAGE;
    }
    // Notes go with the table in text and JSON; for the other formats (and files) they go to stderr.
    if (format !== 'table' && format !== 'json') for (const n of table.notes) io.err(`* ${n.ko} / ${n.en}\n`);
    if (values.out)
      io.out(
        `${values.out}: ${table.year}년 ${table.rows.length}개 자치구 / ${table.rows.length} districts of ${table.year}\n`,
      );
    if (failed.length) return EXIT_USAGE;
    return loaded.some((l) => l.report.stats.errors > 0) ? EXIT_FINDINGS : EXIT_OK;
  },
};

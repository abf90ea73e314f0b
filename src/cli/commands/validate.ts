// `delib validate FILE... [--lang ko|en] [--format text|json]`.
// Exit: 0 no errors, 1 some file has error findings, 2 usage error or some file unreadable.
import type { Command } from '../command';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError } from '../command';
import { parseCommandLine } from '../errors';
import { parseLang, parseReportFormat } from '../options';
import { loadFiles } from '../load';
import { reportText } from '../report-text';

const USAGE = [
  '사용법 / usage: delib validate FILE... [--lang ko|en] [--format text|json]',
  '  --lang     보고서 언어(기본 ko) / report language (default ko)',
  '  --format   text(기본) 또는 json / text (default) or json',
  '  종료 코드 / exit: 0 오류 없음 no errors · 1 오류 있음 errors found · 2 사용법 오류·읽을 수 없는 파일 usage error or unreadable file',
].join('\n');

export const validateCommand: Command = {
  name: 'validate',
  summary: { ko: '통합시트 검사', en: 'validate workbooks against the standard' },
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseCommandLine(args, {
      options: { lang: { type: 'string' }, format: { type: 'string' } },
    });
    const lang = parseLang(values.lang);
    const format = parseReportFormat(values.format);
    if (positionals.length === 0) throw new UsageError('검사할 파일을 지정하세요', 'give at least one file');
    const { loaded, failed } = await loadFiles(positionals, io);
    const reports = loaded.map((l) => l.report);
    if (format === 'json') {
      if (reports.length)
        io.out(JSON.stringify(positionals.length === 1 ? reports[0] : reports, null, 2) + '\n');
    } else {
      io.out(reports.map((r) => reportText(r, lang)).join('\n'));
    }
    if (failed.length) return EXIT_USAGE;
    return reports.some((r) => r.stats.errors > 0) ? EXIT_FINDINGS : EXIT_OK;
  },
};

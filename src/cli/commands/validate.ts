// `delib validate FILE... [--lang ko|en] [--format text|json]`.
// Exit: 0 no errors, 1 some file has error findings, 2 usage error or some file unreadable.
import type { CommandRunner } from '../command';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError } from '../command';
import { parseCommandLine } from '../errors';
import { parseLang, parseReportFormat } from '../options';
import { loadFiles } from '../load';
import { reportText } from '../report-text';

export const validateCommand: CommandRunner = {
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

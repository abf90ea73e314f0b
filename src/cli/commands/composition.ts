// `delib composition --year Y [--format …]`: the council composition table (standard §2.1) from the
// Submissions items' composition columns — counts only; names never leave the workbooks.
// Exit: 0 done; 2 usage, configuration or SharePoint errors.
import type { Command } from '../command';
import { EXIT_OK, UsageError } from '../command';
import { parseCommandLine } from '../errors';
import { parseLang, parseYear } from '../options';
import { compositionTable } from '../../city';
import { newestStandard } from '../../standard';
import { compositionCells } from '../../workbook/city-tables';
import { compositionSheet, compositionTitle } from '../../workbook/desk';
import { cellsCsv, cellsMarkdown, cellsText, compositionShown } from '../city-output';
import {
  CITY_OPTIONS,
  CITY_USAGE_COMMON,
  emit,
  emitWorkbook,
  notesToStderr,
  parseCityFormat,
  readCityFromSharePoint,
  requireYear,
} from '../city-source';

const USAGE = [
  '사용법 / usage: delib composition --year Y [--format table|json|csv|md|xlsx] [--out PATH] [--lang ko|en]',
  '  협치회의 구성표 (민간 ≥ 70%, 성별 각 ≥ 40%) / the council composition table',
  ...CITY_USAGE_COMMON,
].join('\n');

export const compositionCommand: Command = {
  name: 'composition',
  summary: {
    ko: 'SharePoint 제출로 협치회의 구성표 만들기',
    en: 'the council composition table from SharePoint',
  },
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseCommandLine(args, { options: CITY_OPTIONS });
    if (positionals.length) throw new UsageError('파일은 받지 않습니다', 'composition takes no files');
    const lang = parseLang(values.lang);
    const format = parseCityFormat(values.format, values.out);
    const year = parseYear(requireYear(values.year));
    const reading = await readCityFromSharePoint(values, io, [year]);
    const table = compositionTable({
      submissions: reading.submissions,
      register: reading.register,
      year,
      groupsOf: reading.groupsOf,
    });
    table.notes.push(...reading.notes);
    const cells = compositionCells(table, newestStandard, lang);
    const shown = compositionShown(newestStandard);
    const title = compositionTitle(table, lang);
    if (format === 'json') await emit(JSON.stringify(table, null, 2) + '\n', values.out, io);
    else if (format === 'csv') await emit(cellsCsv(cells, shown), values.out, io, true);
    else if (format === 'md') await emit(cellsMarkdown(title, cells, shown), values.out, io);
    else if (format === 'xlsx')
      await emitWorkbook(
        [compositionSheet({ readAt: new Date(), standard: newestStandard, lang }, table)],
        values.out!,
        io,
      );
    else await emit(cellsText(title, cells, shown, table.notes, lang), values.out, io);
    notesToStderr(format, table.notes, io);
    if (values.out) io.out(`${values.out}: ${title[0]}\n`);
    return EXIT_OK;
  },
};

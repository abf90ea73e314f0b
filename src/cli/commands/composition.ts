// `delib composition --year Y [--format …]`: the council composition table (standard §2.1) from the
// Submissions items' composition columns — counts only; names never leave the workbooks.
// Exit: 0 done; 2 usage, configuration or SharePoint errors.
import type { CommandRunner } from '../command';
import { EXIT_OK, UsageError } from '../command';
import { parseCommandLine } from '../errors';
import { parseLang, parseYear } from '../options';
import { compositionTable } from '../../city';
import { newestStandard } from '../../standard';
import { compositionCells } from '../../workbook/city-tables';
import { compositionSheet, compositionTitle } from '../../workbook/desk';
import { cellsCsv, cellsMarkdown, cellsText, compositionShown } from '../city-output';
import * as city from '../city-source';

export const compositionCommand: CommandRunner = {
  async run(args, io) {
    const { values, positionals } = parseCommandLine(args, { options: city.CITY_OPTIONS });
    if (positionals.length) throw new UsageError('파일은 받지 않습니다', 'composition takes no files');
    const lang = parseLang(values.lang);
    const format = city.parseCityFormat(values.format, values.out);
    const year = parseYear(city.requireYear(values.year));
    const reading = await city.readCityFromSharePoint(values, io, [year]);
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
    await city.emitCity(format, values.out, io, {
      title,
      json: table,
      text: () => cellsText(title, cells, shown, table.notes, lang),
      csv: () => cellsCsv(cells, shown),
      md: () => cellsMarkdown(title, cells, shown),
      sheets: () => [compositionSheet({ readAt: new Date(), standard: newestStandard, lang }, table)],
      notes: table.notes,
    });
    return EXIT_OK;
  },
};

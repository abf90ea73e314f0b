// `delib databook --year Y [--quarter Q] [--compare Y0] [--format …]`: the data book (standard §2)
// from SharePoint's Submissions — one row per district due that year (미제출 where nothing counts),
// 총계 and 평균 — and, with --compare, each district's change since Y0 (docs/city.md).
// Exit: 0 done; 2 usage, configuration or SharePoint errors.
import type { CommandRunner } from '../command';
import { EXIT_OK, UsageError } from '../command';
import { parseCommandLine } from '../errors';
import { parseLang, parseQuarterOption, parseYear } from '../options';
import { compareYears, dataBook } from '../../city';
import type { CityReading } from '../../graph/city';
import type { Quarter } from '../../engine/report';
import { newestStandard } from '../../standard';
import { comparisonCells } from '../../workbook/city-tables';
import { comparisonSheet, comparisonTitle, dataBookSheet, dataBookTitle } from '../../workbook/desk';
import { summaryCsv, summaryMarkdown, summaryText } from '../summary-output';
import { cellsCsv, cellsMarkdown, cellsText, changeShown } from '../city-output';
import * as city from '../city-source';

const bookOf = (reading: CityReading, year: number, quarter: Quarter | undefined) =>
  dataBook({
    submissions: reading.submissions,
    register: reading.register,
    year,
    quarter,
    groupsOf: reading.groupsOf,
  });

export const databookCommand: CommandRunner = {
  async run(args, io) {
    const { values, positionals } = parseCommandLine(args, {
      options: { ...city.CITY_OPTIONS, quarter: { type: 'string' }, compare: { type: 'string' } },
    });
    if (positionals.length) throw new UsageError('파일은 받지 않습니다', 'databook takes no files');
    const lang = parseLang(values.lang);
    const format = city.parseCityFormat(values.format, values.out);
    const year = parseYear(city.requireYear(values.year));
    const quarter = values.quarter === undefined ? undefined : parseQuarterOption(values.quarter);
    const from = values.compare === undefined ? null : parseYear(values.compare);
    if (from === year)
      throw new UsageError('--compare에는 다른 연도를 지정하세요', '--compare needs another year');
    const reading = await city.readCityFromSharePoint(values, io, from === null ? [year] : [from, year]);
    const table = bookOf(reading, year, quarter);
    table.notes.push(...reading.notes);
    const earlier = from === null ? null : bookOf(reading, from, quarter);
    const cmp = earlier && compareYears(earlier, table, newestStandard);
    const title = dataBookTitle(table, lang);
    const common = { readAt: new Date(), standard: newestStandard, lang };
    const shown = changeShown(newestStandard);
    const cmpTitle = cmp ? [comparisonTitle(cmp.from, cmp.to, cmp.quarter, lang)] : [];
    const cmpCells = cmp && comparisonCells(cmp, newestStandard, lang);
    await city.emitCity(format, values.out, io, {
      title: [title],
      json: cmp ? { dataBook: table, compareWith: earlier, comparison: cmp } : table,
      text: () =>
        `${title}\n\n${summaryText(table, lang)}` +
        (cmpCells ? `\n${cellsText(cmpTitle, cmpCells, shown, cmp!.notes, lang)}` : ''),
      // One table a CSV: with --compare, the comparison.
      csv: () => (cmpCells ? cellsCsv(cmpCells, shown) : summaryCsv(table)),
      md: () =>
        `### ${title}\n\n${summaryMarkdown(table)}` +
        (cmpCells ? `\n${cellsMarkdown(cmpTitle, cmpCells, shown)}` : ''),
      sheets: () => [
        dataBookSheet(common, table),
        ...(from === null ? [] : [comparisonSheet(common, table, cmp, from)]),
      ],
      notes: [...table.notes, ...(cmp?.notes ?? [])],
    });
    return EXIT_OK;
  },
};

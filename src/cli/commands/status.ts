// `delib status --year Y --quarter Q [--format table|json|csv|md|xlsx] [--out PATH] [--lang ko|en]`:
// the status board from SharePoint (docs/city.md): every district due that year in one state —
// on time, late, missing, needs review — with when SharePoint received its submission, who made
// it and the link to its workbook; the districts not due listed after them.
// Exit: 0 every due district on time; 1 one is missing, late or needs review; 2 usage, configuration
// or SharePoint errors.
import type { CommandRunner } from '../command';
import { EXIT_FINDINGS, EXIT_OK, UsageError } from '../command';
import { parseCommandLine } from '../errors';
import { parseLang, parseQuarterOption, parseYear } from '../options';
import { statusBoard, type StatusBoard } from '../../city';
import { newestStandard } from '../../standard';
import { boardCells } from '../../workbook/city-tables';
import { boardSheet, boardTitle } from '../../workbook/desk';
import { cellsCsv, cellsMarkdown, cellsText, plainShown } from '../city-output';
import * as city from '../city-source';

/** Whether every due district is on time: anything else is for the city to act on. */
export function allOnTime(board: StatusBoard): boolean {
  return board.rows.every((r) => r.state === 'on-time');
}

export const statusCommand: CommandRunner = {
  async run(args, io) {
    const { values, positionals } = parseCommandLine(args, {
      options: { ...city.CITY_OPTIONS, quarter: { type: 'string' } },
    });
    if (positionals.length) throw new UsageError('파일은 받지 않습니다', 'status takes no files');
    const lang = parseLang(values.lang);
    const format = city.parseCityFormat(values.format, values.out);
    const year = parseYear(city.requireYear(values.year));
    const quarter = parseQuarterOption(city.requireYear(values.quarter, '--quarter'));
    const reading = await city.readCityFromSharePoint(values, io, [year]);
    const now = new Date();
    const board = statusBoard({
      submissions: reading.submissions,
      register: reading.register,
      year,
      quarter,
      now,
      groupsOf: reading.groupsOf,
    });
    board.notes.push(...reading.notes);
    const table = boardCells(board, newestStandard, lang);
    const title = boardTitle(board, lang);
    const shown = plainShown(newestStandard);
    await city.emitCity(format, values.out, io, {
      title,
      json: board,
      text: () => cellsText(title, table, shown, board.notes, lang),
      csv: () => cellsCsv(table, shown),
      md: () => cellsMarkdown(title, table, shown),
      sheets: () => [boardSheet({ readAt: now, standard: newestStandard, lang }, board)],
      notes: board.notes,
    });
    return allOnTime(board) ? EXIT_OK : EXIT_FINDINGS;
  },
};

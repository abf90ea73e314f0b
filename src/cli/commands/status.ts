// `delib status --year Y --quarter Q [--format table|json|csv|md|xlsx] [--out PATH] [--lang ko|en]`:
// the status board from SharePoint (docs/city.md): every district due that year in one state —
// on time, late, missing, needs review — with when SharePoint received its submission, who made
// it and the link to its workbook; the districts not due listed after them.
// Exit: 0 every due district on time; 1 one is missing, late or needs review; 2 usage, configuration
// or SharePoint errors.
import type { Command } from '../command';
import { EXIT_FINDINGS, EXIT_OK, UsageError } from '../command';
import { parseCommandLine } from '../errors';
import { parseLang, parseQuarterOption, parseYear } from '../options';
import { statusBoard, type StatusBoard } from '../../city';
import { newestStandard } from '../../standard';
import { boardCells } from '../../workbook/city-tables';
import { boardSheet, boardTitle } from '../../workbook/desk';
import { cellsCsv, cellsMarkdown, cellsText, plainShown } from '../city-output';
import * as city from '../city-source';

const USAGE = [
  '사용법 / usage: delib status --year Y --quarter Q [--format table|json|csv|md|xlsx] [--out PATH] [--lang ko|en]',
  '  SharePoint의 제출 현황: 기한 내 제출 / 지연 제출 / 미제출 / 확인 필요 (docs/city.md)',
  '  the status board from SharePoint: on time / late / missing / needs review',
  '  --year, --quarter  연도와 분기 / the year and quarter',
  ...city.CITY_USAGE_COMMON,
  '  종료 코드 / exit: 0 모두 기한 내 / all on time, 1 미제출·지연·확인 필요 있음 / some missing, late or to review, 2 오류 / error',
].join('\n');

/** Whether every due district is on time: anything else is for the city to act on. */
export function allOnTime(board: StatusBoard): boolean {
  return board.rows.every((r) => r.state === 'on-time');
}

export const statusCommand: Command = {
  name: 'status',
  summary: {
    ko: 'SharePoint 제출 현황 (기한 내·지연·미제출·확인 필요)',
    en: 'who has submitted, from SharePoint (on time, late, missing)',
  },
  usage: USAGE,
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
    await city.emitCity(format, values.out, io, {
      title,
      json: board,
      text: () => cellsText(title, table, plainShown, board.notes, lang),
      csv: () => cellsCsv(table, plainShown),
      md: () => cellsMarkdown(title, table, plainShown),
      sheets: () => [boardSheet({ readAt: now, standard: newestStandard, lang }, board)],
      notes: board.notes,
    });
    return allOnTime(board) ? EXIT_OK : EXIT_FINDINGS;
  },
};

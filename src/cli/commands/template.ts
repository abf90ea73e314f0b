// `delib template [--example] OUT.xlsx`: the blank standard workbook, or a filled example.
import path from 'node:path';
import type { Command } from '../command';
import { EXIT_OK, EXIT_USAGE, UsageError } from '../command';
import { describeError, parseCommandLine } from '../errors';
import { writeStandardWorkbook } from '../../xlsx/write';
import { exampleWorkbook } from '../../workbook/example';

const USAGE = [
  '사용법 / usage: delib template [--example] OUT.xlsx',
  '  --example   예시 자료로 채운 통합시트 / a workbook filled with a generated example',
].join('\n');

export const templateCommand: Command = {
  name: 'template',
  summary: {
    ko: '표준 통합시트(빈 양식 또는 예시) 만들기',
    en: 'write the standard workbook (blank or example)',
  },
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseCommandLine(args, { options: { example: { type: 'boolean' } } });
    if (positionals.length !== 1) {
      throw new UsageError('저장할 파일 하나를 지정하세요', 'give exactly one output file');
    }
    const out = path.resolve(io.cwd, positionals[0]);
    if (!/\.xlsx$/i.test(out))
      throw new UsageError('출력 파일은 .xlsx여야 합니다', 'the output file must end in .xlsx');
    try {
      await writeStandardWorkbook(out, values.example ? exampleWorkbook() : undefined);
    } catch (e) {
      const { ko, en } = describeError(e);
      io.err(`✗ ${positionals[0]}: 저장할 수 없습니다 (${ko}) / cannot write (${en})\n`);
      return EXIT_USAGE;
    }
    io.out(
      `${positionals[0]}: ${values.example ? '예시 통합시트 / example workbook' : '빈 통합시트 / blank workbook'}\n`,
    );
    return EXIT_OK;
  },
};

// `delib template [--example] [--standard VERSION] OUT.xlsx`: the blank standard workbook, or a
// filled example, of any standard version the product knows (default: the newest, which is what
// the city distributes; an older one for a district that must keep filling its old form).
import path from 'node:path';
import type { CommandRunner } from '../command';
import { EXIT_OK, EXIT_USAGE, UsageError } from '../command';
import { describeError, parseCommandLine } from '../errors';
import { writeStandardWorkbook } from '../../xlsx/write';
import { exampleWorkbook } from '../../workbook/example';
import { newestStandard, registry, standardByVersion } from '../../standard';

const known = registry.versions.map((s) => s.version).join(', ');

export const templateCommand: CommandRunner = {
  async run(args, io) {
    const { values, positionals } = parseCommandLine(args, {
      options: { example: { type: 'boolean' }, standard: { type: 'string' } },
    });
    if (positionals.length !== 1) {
      throw new UsageError('저장할 파일 하나를 지정하세요', 'give exactly one output file');
    }
    const standard =
      values.standard === undefined ? newestStandard : standardByVersion(values.standard.trim());
    if (!standard)
      throw new UsageError(
        `알 수 없는 표준버전 '${values.standard}' (아는 버전: ${known})`,
        `unknown standard version '${values.standard}' (known: ${known})`,
      );
    const out = path.resolve(io.cwd, positionals[0]);
    if (!/\.xlsx$/i.test(out))
      throw new UsageError('출력 파일은 .xlsx여야 합니다', 'the output file must end in .xlsx');
    try {
      await writeStandardWorkbook(out, standard, values.example ? exampleWorkbook(standard) : undefined);
    } catch (e) {
      const { ko, en } = describeError(e);
      io.err(`✗ ${positionals[0]}: 저장할 수 없습니다 (${ko}) / cannot write (${en})\n`);
      return EXIT_USAGE;
    }
    const kind = values.example ? '예시 통합시트 / example workbook' : '빈 통합시트 / blank workbook';
    io.out(`${positionals[0]}: ${kind} (표준 / standard ${standard.version})\n`);
    return EXIT_OK;
  },
};

// `delib` entry point: dispatches to a subcommand, turns every failure into one bilingual line and an
// exit code. No stack trace ever reaches the user (developers' guide). Only light modules are
// imported here: a command's implementation is loaded when it runs (./commands/index.ts), so
// `--version` and `--help` answer at once (test/cli/lazy.test.ts guards it).
import type { CliIO, Command } from './command';
import { EXIT_OK, EXIT_USAGE, UsageError } from './command';
import { commands } from './commands';
import { describeError } from './errors';
import { ENGINE_VERSION } from '../engine/version';
import { newestStandard, registry } from '../standard';

export function processIO(): CliIO {
  return {
    out: (s) => void process.stdout.write(s),
    err: (s) => void process.stderr.write(s),
    cwd: process.cwd(),
    env: process.env,
  };
}

export function helpText(list: readonly Command[] = commands): string {
  const width = Math.max(...list.map((c) => c.name.length));
  const lines = list.map((c) => `  ${c.name.padEnd(width)}  ${c.summary.ko} / ${c.summary.en}`);
  return [
    'delib — 숙의공론 과정관리 통합시트 도구 / deliberative forum workbook tool',
    '',
    '사용법 / usage: delib <command> [options]',
    '',
    ...lines,
    '',
    '각 명령의 도움말 / help for a command: delib <command> --help',
    '',
  ].join('\n');
}

function find(name: string): Command | undefined {
  return commands.find((c) => c.name === name);
}

export async function main(argv: string[], io: CliIO = processIO()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    if (name === 'help' && rest[0] && find(rest[0])) {
      io.out(find(rest[0])!.usage + '\n');
      return EXIT_OK;
    }
    io.out(helpText());
    return name === undefined ? EXIT_USAGE : EXIT_OK;
  }
  if (name === '--version' || name === '-v') {
    const known = registry.versions.map((s) => s.version).join(', ');
    io.out(`delib — engine ${ENGINE_VERSION}, standard ${newestStandard.version} (knows ${known})\n`);
    return EXIT_OK;
  }
  const command = find(name);
  if (!command) {
    io.err(`delib: 알 수 없는 명령 '${name}' / unknown command '${name}' (delib --help)\n`);
    return EXIT_USAGE;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(command.usage + '\n');
    return EXIT_OK;
  }
  try {
    return await (await command.load()).run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`delib ${command.name}: ${e.ko} / ${e.en} (delib ${command.name} --help)\n`);
      return EXIT_USAGE;
    }
    const { ko, en } = describeError(e);
    io.err(`delib ${command.name}: ${ko} / ${en}\n`);
    return EXIT_USAGE;
  }
}

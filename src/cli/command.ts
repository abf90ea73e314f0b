// The contract every `delib` subcommand implements. Commands never touch process.* directly so that
// tests can run them in-process with a captured CliIO.
import { BilingualError } from '../bilingual';

export interface CliIO {
  out(s: string): void;
  err(s: string): void;
  cwd: string;
  env: Record<string, string | undefined>;
}

/** What a subcommand does: the only part of it loaded when it runs. */
export interface CommandRunner {
  /** Resolves to the process exit code: 0 ok, 1 findings with errors, 2 usage error or unreadable input. */
  run(args: string[], io: CliIO): Promise<number>;
}

/**
 * A subcommand in the registry (./commands/index.ts): its name, summary and usage are light data
 * that `delib --help` and `delib <command> --help` print without loading anything else; `load`
 * brings in the implementation (and with it the engine, exceljs, Graph …) only when it runs.
 */
export interface Command {
  name: string;
  summary: { ko: string; en: string };
  usage: string;
  load(): Promise<CommandRunner>;
}

/** Thrown by a command for a bad command line; main prints the bilingual line and the usage, exits 2. */
export class UsageError extends BilingualError {}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

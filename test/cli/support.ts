// Runs `delib` in-process with a captured CliIO.
import path from 'node:path';
import { main } from '../../src/cli/main';

export const repoRoot = path.resolve(__dirname, '..', '..');
export const samples = path.resolve(repoRoot, '..', 'shared', 'samples');

export interface Run {
  code: number;
  out: string;
  err: string;
}

export async function delib(args: string[], cwd: string = repoRoot): Promise<Run> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (s) => (out += s), err: (s) => (err += s), cwd, env: {} });
  return { code, out, err };
}

/** No stack trace ever reaches the user. */
export function expectNoStack(run: Run): void {
  expect(run.out + run.err).not.toMatch(/\n\s+at .+\(.*:\d+:\d+\)/);
}

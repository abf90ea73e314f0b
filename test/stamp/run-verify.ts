// `delib verify` run in-process in a folder, its output captured (the stamp tests' one way to run it).
import { verifyCommand } from '../../src/cli/commands/verify';

export interface VerifyRun {
  code: number;
  out: string;
  err: string;
}

export async function runVerify(
  cwd: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<VerifyRun> {
  let out = '';
  let err = '';
  const code = await verifyCommand.run(args, {
    out: (s) => (out += s),
    err: (s) => (err += s),
    cwd,
    env,
  });
  return { code, out, err };
}

// Test doubles the submission tests share: the CLI's I/O captured in strings, the sample workbook the
// city published, and a live session over a fixed validation (what the pane's submit service needs).
import path from 'node:path';
import type { CliIO } from '../../src/cli/command';
import type { Validation } from '../../src/engine';
import type { PaneState } from '../../src/session/state';
import { NO_VERDICT } from '../../src/stamp';
import type { SubmitSession } from '../../src/taskpane/submit/service';

export const sample = path.resolve(__dirname, '..', '..', '..', 'shared', 'samples', 'gangseo-2021-q1.xlsx');

export function io(
  cwd: string,
  env: Record<string, string> = {},
): CliIO & { stdout: string; stderr: string } {
  const o = {
    stdout: '',
    stderr: '',
    cwd,
    env,
    out: (s: string) => void (o.stdout += s),
    err: (s: string) => void (o.stderr += s),
  };
  return o;
}

export function session(validation: Validation): SubmitSession & { stamped: number } {
  const s = {
    stamped: 0,
    validateNow: async () => undefined,
    markValidated: async () => void s.stamped++,
    getState: (): PaneState => ({
      status: 'ready',
      report: validation.report,
      stamp: NO_VERDICT,
      problem: null,
      lastPassMs: 1,
      displayLanguage: 'ko-KR',
    }),
    currentValidation: () => validation,
  };
  return s;
}

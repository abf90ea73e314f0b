// Runs `delib` in a child process (test/xlsx/cli-child.ts) and measures it: wall time, peak resident
// memory, exit code, stderr and — without holding more than a little of it — stdout.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export interface Measured {
  code: number | null;
  signal: NodeJS.Signals | null;
  ms: number;
  /** Peak resident set size in bytes. */
  peakBytes: number;
  stdoutBytes: number;
  /** The first MB of stdout. */
  stdout: string;
  stderr: string;
}

const CHILD = path.resolve(__dirname, '..', 'xlsx', 'cli-child.ts');
const KEEP = 1024 * 1024;
// The loader by its own path: the child runs in the files' folder, where `tsx` does not resolve.
const TSX = pathToFileURL(require.resolve('tsx')).href;

/** The child is killed after `killAfterMs`: a hang is a failure, not a stuck test run. */
export function measuredDelib(args: string[], cwd: string, killAfterMs = 60_000): Promise<Measured> {
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, ['--import', TSX, CHILD, ...args], {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stdoutBytes = 0;
  let stderr = '';
  let usage = '';
  child.stdout!.on('data', (d: Buffer) => {
    stdoutBytes += d.length;
    if (stdout.length < KEEP) stdout += d.toString('utf8');
  });
  child.stderr!.on('data', (d: Buffer) => {
    if (stderr.length < KEEP) stderr += d.toString('utf8');
  });
  (child.stdio[3] as NodeJS.ReadableStream).on('data', (d: Buffer) => (usage += d.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      // maxRSS is in kilobytes; a child killed before exiting reports nothing (0).
      const peakBytes = usage ? (JSON.parse(usage) as { maxRSS: number }).maxRSS * 1024 : 0;
      resolve({ code, signal, ms, peakBytes, stdoutBytes, stdout, stderr });
    });
  });
}

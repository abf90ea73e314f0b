// The CLI's start-up (npm run bench -- cli): whole-process time of `delib --version`, `delib --help`
// and a command's --help, each a fresh `node bin/delib.js` over dist/cli (build it first), beside
// Node starting with nothing to do and the same CLI made to load every command up front (what it
// did before commands were loaded on demand). Median of RUNS runs after a warm-up.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const RUNS = 15;
const repo = path.resolve(__dirname, '..');
const bin = path.join(repo, 'bin', 'delib.js');
const cli = path.join(repo, 'dist', 'cli', 'cli');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function timed(args: string[]): { median: number; min: number; max: number } {
  const times: number[] = [];
  for (let i = 0; i <= RUNS; i++) {
    const started = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { cwd: repo, stdio: 'ignore' });
    if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}`);
    if (i > 0) times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return { median: median(times), min: Math.min(...times), max: Math.max(...times) };
}

const EAGER = `const c = require(${JSON.stringify(path.join(cli, 'commands'))}).commands;
Promise.all(c.map((x) => x.load())).then(() => require(${JSON.stringify(path.join(cli, 'main.js'))}).main(['--version']));`;

export function benchCli(): void {
  if (!fs.existsSync(path.join(cli, 'main.js'))) {
    console.log('\ndelib start-up: dist/cli is missing (npm run build:cli), skipped');
    return;
  }
  const cases: [string, string[]][] = [
    ['node alone (node -e 0)', ['-e', '0']],
    ['delib --version', [bin, '--version']],
    ['delib --help', [bin, '--help']],
    ['delib summary --help', [bin, 'summary', '--help']],
    ['delib --version, every command loaded up front', ['-e', EAGER]],
  ];
  console.log(
    `\ndelib start-up — whole process, median of ${RUNS} (target ≤ 150 ms for --version and --help):`,
  );
  for (const [label, args] of cases) {
    const t = timed(args);
    console.log(
      `  ${label.padEnd(48)} ${t.median.toFixed(0).padStart(5)} ms  (${t.min.toFixed(0)}–${t.max.toFixed(0)})`,
    );
  }
}

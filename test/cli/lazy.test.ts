// `delib --version`, `delib --help` and `delib <command> --help` load no command's implementation:
// the real `delib` (bin/delib.js over dist/cli, what tsc emits) runs in a child process that
// reports the modules it loaded, and the list must hold only the registry's light modules. Judged
// by what was loaded, not by a clock (timings on a shared machine prove nothing); `npm run bench --
// cli` prints the times.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { commands } from '../../src/cli/commands';

const repo = path.resolve(__dirname, '..', '..');
const entry = path.join(repo, 'dist', 'cli', 'cli', 'main.js');

/** Newest modification time of the files under a folder. */
function newest(dir: string): number {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) t = Math.max(t, fs.statSync(path.join(e.parentPath, e.name)).mtimeMs);
  }
  return t;
}

beforeAll(() => {
  // `npm test` builds first; a run of this file alone after editing src/ builds the CLI itself.
  if (!fs.existsSync(entry) || fs.statSync(entry).mtimeMs < newest(path.join(repo, 'src')))
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.cli.json'], {
      cwd: repo,
    });
}, 120_000);

// Reports every module the process loaded when it exits, on file descriptor 3.
const PROBE = `process.on('exit', () => require('fs').writeSync(3, JSON.stringify(Object.keys(require.cache))));`;
let probe = '';
let tmp = '';
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'delib-lazy-'));
  probe = path.join(tmp, 'probe.js');
  fs.writeFileSync(probe, PROBE);
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** The modules `delib ARGS` loaded, relative to the repository (`dist/cli/cli/main.js`, `node_modules/…`). */
function loaded(args: string[]): { code: number | null; out: string; modules: string[] } {
  const r = spawnSync(process.execPath, ['--require', probe, path.join(repo, 'bin', 'delib.js'), ...args], {
    cwd: tmp,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
  });
  const report = String(r.output[3] ?? '');
  const modules = (JSON.parse(report || '[]') as string[])
    .filter((m) => m !== probe)
    .map((m) => path.relative(repo, m).split(path.sep).join('/'));
  return { code: r.status, out: r.stdout, modules };
}

/** What answering --version or --help may load: the entry, the registry and the standard's data. */
const LIGHT = [
  /^bin\/delib\.js$/,
  /^dist\/cli\/cli\/(main|command|errors|commands\/index)\.js$/,
  /^dist\/cli\/bilingual\.js$/,
  /^dist\/cli\/engine\/version\.js$/,
  /^dist\/cli\/standard\/[^/]+\.js$/,
];
const heavy = (modules: string[]) => modules.filter((m) => !LIGHT.some((re) => re.test(m)));

describe('answers without loading any command', () => {
  it.each([['--version'], ['--help'], ['help', 'validate']])('delib %s', (...args) => {
    const run = loaded(args);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/delib|사용법/);
    expect(heavy(run.modules)).toEqual([]);
  });

  it.each(commands.map((c) => [c.name]))('delib %s --help', (name) => {
    const run = loaded([name, '--help']);
    expect(run.code).toBe(0);
    expect(run.out).toBe(commands.find((c) => c.name === name)!.usage + '\n');
    expect(heavy(run.modules)).toEqual([]);
  });
});

describe('the probe sees what a command loads', () => {
  it('delib template loads exceljs and the layout, only when it runs', () => {
    const run = loaded(['template', path.join(tmp, 'blank.xlsx')]);
    expect(run.code).toBe(0);
    const extra = heavy(run.modules);
    expect(extra).toContain('dist/cli/cli/commands/template.js');
    expect(extra.some((m) => m.startsWith('node_modules/exceljs/'))).toBe(true);
    // Only its own command: no Graph client, no sign-in.
    expect(extra.filter((m) => /microsoft-graph-client|msal-node|cli\/commands\/submit/.test(m))).toEqual([]);
  });
});

describe('the registry', () => {
  it('names each command once and loads a runner for each', async () => {
    expect(new Set(commands.map((c) => c.name)).size).toBe(commands.length);
    for (const c of commands) {
      expect(c.usage).toContain(`delib ${c.name}`);
      expect(typeof (await c.load()).run).toBe('function');
    }
  });
});

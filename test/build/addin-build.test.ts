// The production build refuses a configuration that is not a deployment's: webpack's config function
// run in a child process (as `npm run build:addin` runs it) with each bad configuration, stopping
// before anything is compiled, with one bilingual message naming the setting.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const repoRoot = path.resolve(__dirname, '..', '..');
const deployment = JSON.parse(
  fs.readFileSync(path.join(repoRoot, 'test/fixtures/deployment.config.json'), 'utf8'),
);
let tmp = '';

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'delib-build-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Runs webpack.config.js's function for a production build; prints the output folder if it accepts. */
function configure(config: unknown | null, env: Record<string, string> = {}) {
  const childEnv: Record<string, string | undefined> = { ...process.env, ...env };
  delete childEnv.DELIB_CONFIG;
  if (config !== null) {
    const file = path.join(tmp, `config-${Math.random().toString(36).slice(2)}.json`);
    fs.writeFileSync(file, typeof config === 'string' ? config : JSON.stringify(config));
    childEnv.DELIB_CONFIG = file;
  }
  const script =
    "require('./webpack.config.js')({}, { mode: 'production' })" +
    '.then((c) => process.stdout.write(c.output.path + "\\n"))';
  const r = spawnSync(process.execPath, ['-e', script], { cwd: repoRoot, env: childEnv, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('a deployment configuration builds into dist/addin', () => {
  const r = configure(deployment);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  expect(r.stdout.trim()).toBe(path.join(repoRoot, 'dist', 'addin'));
});

test('no configuration: refused, saying how to give one', () => {
  const r = configure(null);
  expect(r.status).toBe(2);
  expect(r.stderr).toContain('DELIB_CONFIG');
  expect(r.stderr).toContain('배포 설정이 필요합니다');
  expect(r.stderr).toContain("needs the deployment's configuration");
  expect(r.stderr).not.toMatch(/\n\s+at /);
});

test('the stand-in configuration (loopback Graph root, empty client id): refused, both settings named', () => {
  const r = configure(fs.readFileSync(path.join(repoRoot, 'config/delib.config.json'), 'utf8'));
  expect(r.status).toBe(2);
  for (const text of ["'graphRoot'가 이 컴퓨터", "'graphRoot' points at this computer", "'auth.clientId'"])
    expect(r.stderr).toContain(text);
  expect(r.stderr).not.toMatch(/\n\s+at /);
});

test.each([
  ['a loopback Graph root with a client id', { graphRoot: 'http://localhost:4321/v1.0' }, "'graphRoot'"],
  ['an https loopback Graph root', { graphRoot: 'https://127.0.0.1/v1.0' }, "'graphRoot'"],
  ['an empty client id', { auth: { ...deployment.auth, clientId: '' } }, "'auth.clientId'"],
  [
    'a placeholder client id',
    { auth: { ...deployment.auth, clientId: 'YOUR-CLIENT-ID' } },
    "'auth.clientId'",
  ],
  ['a tenant-wide scope', { auth: { ...deployment.auth, scopes: ['Sites.ReadWrite.All'] } }, "'auth.scopes'"],
])('%s: refused, the setting named', (_name, change, setting) => {
  const r = configure({ ...deployment, ...change });
  expect(r.status).toBe(2);
  expect(r.stderr).toContain(setting);
  expect(r.stderr).toMatch(/[가-힣]/);
});

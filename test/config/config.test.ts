// The deployed configuration: least privilege by an exact allowlist of scopes, clear bilingual
// refusals, and a deployment that can only point at Microsoft Graph with a real Entra app.
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, DEFAULT_SCOPES, isLoopback, parseConfig, parseConfigText } from '../../src/config';
import { assertDeployable, deploymentProblems } from '../../src/config/deployment';
import { GRAPH_PERMISSIONS, OIDC_SCOPES } from '../../src/config/scopes';

const CLIENT_ID = '6f1c2d3e-4a5b-4c6d-8e7f-90a1b2c3d4e5';
const base = {
  graphRoot: 'https://graph.microsoft.com/v1.0',
  auth: { clientId: CLIENT_ID },
  site: { hostname: 'h', path: 'sites/x' },
};
const withScopes = (scopes: unknown) => ({ ...base, auth: { clientId: CLIENT_ID, scopes } });

function refusal(raw: unknown): ConfigError {
  try {
    parseConfig(raw);
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error('accepted');
}

test('the stand-in config file parses and points at the local stand-in', () => {
  const text = fs.readFileSync(path.resolve(__dirname, '..', '..', 'config', 'delib.config.json'), 'utf8');
  const c = parseConfigText(text);
  expect(c.graphRoot).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1\.0$/);
  expect(c.auth.scopes).toEqual(DEFAULT_SCOPES);
});

test('defaults: Sites.Selected, lists by name, a leading slash on the site path', () => {
  const c = parseConfig(base);
  expect(c.auth.scopes).toEqual(['https://graph.microsoft.com/Sites.Selected']);
  expect(c.site.path).toBe('/sites/x');
  expect(c.lists).toEqual({ submissions: 'Submissions', forums: 'Forums', districts: 'Districts' });
});

describe('scopes: an exact allowlist', () => {
  test('every allowed permission, bare or qualified, and the OIDC scopes MSAL adds', () => {
    const all = [
      ...GRAPH_PERMISSIONS,
      ...GRAPH_PERMISSIONS.map((p) => `https://graph.microsoft.com/${p}`),
      ...OIDC_SCOPES,
    ];
    expect(parseConfig(withScopes(all)).auth.scopes).toEqual(all);
    expect(GRAPH_PERMISSIONS).toEqual(['Sites.Selected', 'Lists.SelectedOperations.Selected', 'User.Read']);
  });

  test.each([
    '.default',
    'https://graph.microsoft.com/.default',
    'Files.ReadWrite.All',
    'https://graph.microsoft.com/Files.ReadWrite.All',
    'Directory.ReadWrite.All',
    'https://graph.microsoft.com/Sites.ReadWrite.All',
    'https://graph.microsoft.com/Sites.ReadWrite.All ',
    'Sites.ReadWrite.All ',
    ' Sites.Selected',
    'Sites.Selected ',
    'sites.selected',
    'https://graph.microsoft.com/sites.selected',
    'Sites.FullControl.All',
    'Sites.Manage.All',
    'Sites.Read.All',
    'Mail.Send',
    'https://evil.example/Sites.Selected',
    'https://graph.microsoft.com//Sites.Selected',
    'Sites.Selected Files.ReadWrite.All',
    '',
  ])('%j is refused with a bilingual message naming it', (scope) => {
    const e = refusal(withScopes(['https://graph.microsoft.com/Sites.Selected', scope]));
    expect(e.text.ko).toContain(JSON.stringify(scope));
    expect(e.text.en).toContain(JSON.stringify(scope));
    expect(e.text.ko).toContain('Sites.Selected');
    expect(e.text.en).toMatch(/not allowed/);
  });

  test('tenant-wide ones are called tenant-wide, in both languages', () => {
    for (const scope of [
      '.default',
      'Files.ReadWrite.All',
      'Directory.ReadWrite.All',
      'Sites.ReadWrite.All ',
    ]) {
      const e = refusal(withScopes([scope]));
      expect(e.text.ko).toContain('테넌트 전체');
      expect(e.text.en).toContain('tenant-wide');
    }
  });

  test('no escape hatch: DELIB_ALLOW_TENANT_WIDE is gone', () => {
    const src = fs.readFileSync(
      path.resolve(__dirname, '..', '..', 'src', 'graph', 'node-config.ts'),
      'utf8',
    );
    expect(src).not.toContain('ALLOW_TENANT_WIDE');
    expect(parseConfig.length).toBe(1);
  });

  test('scopes must be a non-empty array of strings', () => {
    for (const scopes of [[], 'Sites.Selected', [1], null])
      expect(() => parseConfig(withScopes(scopes))).toThrow(/scopes/);
  });
});

test('plain http only for loopback; a real tenant needs a client id', () => {
  expect(() => parseConfig({ ...base, graphRoot: 'http://graph.example.com/v1.0' })).toThrow(/https/);
  expect(() => parseConfig({ ...base, auth: {} })).toThrow(/clientId/);
  expect(parseConfig({ ...base, graphRoot: 'http://127.0.0.1:9/v1.0', auth: {} }).auth.clientId).toBe('');
  expect(() => parseConfigText('{ nope')).toThrow(/JSON/);
});

test('loopback: every spelling of this computer', () => {
  for (const url of [
    'http://127.0.0.1:4321/v1.0',
    'http://127.1.2.3/',
    'http://localhost/',
    'http://LOCALHOST./',
    'http://graph.localhost/',
    'http://[::1]:9/',
    'http://[::ffff:127.0.0.1]/',
    'http://0.0.0.0/',
  ])
    expect({ url, loopback: isLoopback(url) }).toEqual({ url, loopback: true });
  for (const url of [
    'https://graph.microsoft.com/v1.0',
    'http://128.0.0.1/',
    'https://localhost.example/',
    'nope',
  ])
    expect({ url, loopback: isLoopback(url) }).toEqual({ url, loopback: false });
});

describe('a deployment', () => {
  test('Microsoft Graph and a GUID client id: deployable', () => {
    expect(deploymentProblems(parseConfig(base))).toEqual([]);
    const example = fs.readFileSync(
      path.resolve(__dirname, '..', 'fixtures', 'deployment.config.json'),
      'utf8',
    );
    expect(() => assertDeployable(parseConfigText(example))).not.toThrow();
  });

  test('a loopback Graph root and an empty client id are refused, each setting named in both languages', () => {
    const standIn = parseConfigText(
      fs.readFileSync(path.resolve(__dirname, '..', '..', 'config', 'delib.config.json'), 'utf8'),
    );
    let error: ConfigError | null = null;
    try {
      assertDeployable(standIn);
    } catch (e) {
      error = e as ConfigError;
    }
    expect(error).toBeInstanceOf(ConfigError);
    for (const text of [error!.text.ko, error!.text.en]) {
      expect(text).toContain("'graphRoot'");
      expect(text).toContain("'auth.clientId'");
      expect(text).toContain('http://127.0.0.1:4321/v1.0');
    }
  });

  test('the template in config/ is not deployable until it is filled in', () => {
    const text = fs.readFileSync(
      path.resolve(__dirname, '..', '..', 'config', 'delib.config.example.json'),
      'utf8',
    );
    expect(() => assertDeployable(parseConfigText(text))).toThrow(/'auth\.clientId'/);
    const filled = { ...JSON.parse(text), auth: { ...JSON.parse(text).auth, clientId: CLIENT_ID } };
    expect(deploymentProblems(parseConfig(filled))).toEqual([]);
  });

  test('another Graph host, a non-GUID or nil client id: refused', () => {
    const other = parseConfig({ ...base, graphRoot: 'https://graph.evil.example/v1.0' });
    expect(deploymentProblems(other).map((p) => p.en)).toEqual([
      expect.stringContaining('not Microsoft Graph'),
    ]);
    for (const clientId of ['abc', '00000000-0000-0000-0000-000000000000', `${CLIENT_ID}x`])
      expect(deploymentProblems(parseConfig({ ...base, auth: { clientId } }))).toHaveLength(1);
  });
});

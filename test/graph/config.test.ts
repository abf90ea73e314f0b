// The deployed configuration: least privilege by default, clear bilingual refusals.
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, DEFAULT_SCOPES, parseConfig, parseConfigText } from '../../src/config';

const base = {
  graphRoot: 'https://graph.microsoft.com/v1.0',
  auth: { clientId: 'abc' },
  site: { hostname: 'h', path: 'sites/x' },
};

test('the shipped config file parses and points at the local stand-in', () => {
  const text = fs.readFileSync(path.resolve(__dirname, '..', '..', 'config', 'delib.config.json'), 'utf8');
  const c = parseConfigText(text);
  expect(c.graphRoot).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1\.0$/);
  expect(c.auth.scopes).toEqual(DEFAULT_SCOPES);
});

test('defaults: Sites.Selected, lists by name, a leading slash on the site path', () => {
  const c = parseConfig(base);
  expect(c.auth.scopes).toEqual(['https://graph.microsoft.com/Sites.Selected']);
  expect(c.site.path).toBe('/sites/x');
  expect(c.lists).toEqual({ submissions: 'Submissions', forums: 'Forums' });
});

test('a tenant-wide write scope is refused unless explicitly allowed', () => {
  const wide = {
    ...base,
    auth: { clientId: 'abc', scopes: ['https://graph.microsoft.com/Sites.ReadWrite.All'] },
  };
  expect(() => parseConfig(wide)).toThrow(ConfigError);
  try {
    parseConfig(wide);
  } catch (e) {
    expect((e as ConfigError).text.ko).toContain('Sites.Selected');
  }
  expect(parseConfig(wide, true).auth.scopes).toHaveLength(1);
});

test('plain http only for loopback; a real tenant needs a client id', () => {
  expect(() => parseConfig({ ...base, graphRoot: 'http://graph.example.com/v1.0' })).toThrow(/https/);
  expect(() => parseConfig({ ...base, auth: {} })).toThrow(/clientId/);
  expect(parseConfig({ ...base, graphRoot: 'http://127.0.0.1:9/v1.0', auth: {} }).auth.clientId).toBe('');
  expect(() => parseConfigText('{ nope')).toThrow(/JSON/);
});

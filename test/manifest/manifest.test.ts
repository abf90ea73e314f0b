import fs from 'node:fs';
import path from 'node:path';
import { DEV_ORIGIN, PLACEHOLDER_ORIGIN, rewriteManifestOrigin } from '../../scripts/manifest-origin';
import { pngSize, readManifest } from './manifest-facts';
import { ribbonActions } from '../../src/commands/commands';

const repoRoot = path.resolve(__dirname, '..', '..');
const xml = fs.readFileSync(path.join(repoRoot, 'manifest.xml'), 'utf8');
const manifest = readManifest(xml);

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

describe('manifest.xml', () => {
  it('has a GUID id', () => {
    expect(manifest.id).toMatch(GUID);
  });

  it('resolves every resid to a resource', () => {
    const known = new Set([
      ...manifest.resources.images.keys(),
      ...manifest.resources.urls.keys(),
      ...manifest.resources.strings.map((s) => s.id),
    ]);
    expect(manifest.resids.length).toBeGreaterThan(10);
    expect(manifest.resids.filter((r) => !known.has(r))).toEqual([]);
  });

  it('keeps resids and resource ids within 32 characters and resource ids unique', () => {
    const ids = [
      ...manifest.resources.images.keys(),
      ...manifest.resources.urls.keys(),
      ...manifest.resources.strings.map((s) => s.id),
    ];
    expect([...manifest.resids, ...ids].filter((r) => r.length > 32)).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('names only https URLs on the add-in origin', () => {
    expect(manifest.urls.length).toBeGreaterThan(5);
    const offending = manifest.urls.filter(({ url }) => {
      try {
        const u = new URL(url);
        return u.protocol !== 'https:' || u.origin !== DEV_ORIGIN;
      } catch {
        return true;
      }
    });
    expect(offending).toEqual([]);
  });

  it('points at icons that exist with the declared pixel sizes', () => {
    expect(manifest.iconUses.length).toBeGreaterThanOrEqual(5);
    for (const use of manifest.iconUses) {
      const file = path.join(repoRoot, new URL(use.url).pathname);
      expect({ where: use.where, exists: fs.existsSync(file) }).toEqual({ where: use.where, exists: true });
      const size = pngSize(fs.readFileSync(file));
      expect({ where: use.where, ...size }).toEqual({ where: use.where, width: use.size, height: use.size });
    }
  });

  it('keeps strings within Office limits (short 125, long 250)', () => {
    expect(manifest.resources.strings.length).toBeGreaterThan(0);
    const tooLong = manifest.resources.strings.flatMap((s) =>
      s.values.filter((v) => v.length > (s.kind === 'short' ? 125 : 250)).map((v) => `${s.id}: ${v}`),
    );
    expect(tooLong).toEqual([]);
    // Every string has its Korean default and its English override.
    expect(manifest.resources.strings.filter((s) => s.values.length < 2).map((s) => s.id)).toEqual([]);
  });

  it('has unique control, group and tab ids, at most 6 controls per group and one custom tab', () => {
    expect(new Set(manifest.controlIds).size).toBe(manifest.controlIds.length);
    expect(manifest.groups.length).toBeGreaterThan(0);
    for (const g of manifest.groups) expect(g.controls).toBeLessThanOrEqual(6);
    expect(manifest.customTabs).toHaveLength(1);
  });

  it('names ribbon functions that src/commands registers', () => {
    expect([...manifest.functionNames].sort()).toEqual(Object.keys(ribbonActions).sort());
  });

  it('has the city desk (시 집계) in the same tab, opening its own pane on the desk view', () => {
    expect(manifest.controlIds).toContain('Delib.CityDesk');
    expect(manifest.resources.urls.get('Desk.Url')).toBe(`${DEV_ORIGIN}/taskpane.html?view=desk`);
    expect(xml).toMatch(/<TaskpaneId>DelibDesk<\/TaskpaneId>\s*<SourceLocation resid="Desk.Url"\/>/);
    const label = manifest.resources.strings.find((s) => s.id === 'CityDesk.Label');
    expect(label?.values).toEqual(['시 집계', 'City desk']);
  });

  it('requires ExcelApi 1.14 on the Workbook host only', () => {
    expect(xml).toMatch(/<Set Name="ExcelApi" MinVersion="1\.14"\/>/);
    expect(xml.match(/<Host Name="[^"]+"\/>/g)).toEqual(['<Host Name="Workbook"/>']);
  });
});

describe('production manifest rewrite', () => {
  it('moves every URL to the deployment origin', () => {
    const prod = readManifest(rewriteManifestOrigin(xml, 'https://forums.seoul.example/'));
    expect(prod.urls.length).toBe(manifest.urls.length);
    for (const { url } of prod.urls) expect(new URL(url).origin).toBe('https://forums.seoul.example');
  });

  it('refuses a non-https or path-carrying origin', () => {
    expect(() => rewriteManifestOrigin(xml, 'http://forums.seoul.example')).toThrow(/https/);
    expect(() => rewriteManifestOrigin(xml, 'https://forums.seoul.example/addin')).toThrow(/without a path/);
  });

  it('has a placeholder origin that is https and not localhost', () => {
    expect(new URL(PLACEHOLDER_ORIGIN).protocol).toBe('https:');
    expect(PLACEHOLDER_ORIGIN).not.toContain('localhost');
  });
});

describe('pngSize', () => {
  it('rejects bytes that are not a PNG', () => {
    expect(() => pngSize(Buffer.from('GIF89a not a png at all, really'))).toThrow(/not a PNG/);
  });
});

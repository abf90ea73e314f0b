// The builds themselves. dist/addin (`npm run build:addin`) holds exactly what is hosted: the pages,
// hashed bundles, maps without sources, icons, the manifest for the deployment origin and the
// deployment's configuration — no TypeScript, no source text, no loopback address, no stand-in, no
// preview, no CLI. Every page of both builds carries its CSP before anything it loads.
import fs from 'node:fs';
import path from 'node:path';
import { PLACEHOLDER_ORIGIN } from '../../scripts/manifest-origin';
import { parseConfigText } from '../../src/config';
import { contentSecurityPolicy, type PageName } from '../../src/config/csp';
import { assertDeployable } from '../../src/config/deployment';
import { readManifest } from '../manifest/manifest-facts';
import { buildFolder, type Build } from './support/dist-pane';

const addin = buildFolder('addin');
const read = (build: Build, f: string) => fs.readFileSync(path.join(buildFolder(build), f), 'utf8');

function files(dir: string, under = ''): string[] {
  return fs.readdirSync(path.join(dir, under), { withFileTypes: true }).flatMap((e) => {
    const rel = path.posix.join(under, e.name);
    return e.isDirectory() ? files(dir, rel) : [rel];
  });
}

const HOSTED = [
  /^(taskpane|commands|help|auth-dialog)\.html$/,
  /^[A-Za-z0-9]+\.[0-9a-f]{8}\.js$/,
  /^[A-Za-z0-9]+\.[0-9a-f]{8}\.js\.map$/,
  /^[A-Za-z0-9]+\.[0-9a-f]{8}\.js\.LICENSE\.txt$/,
  /^help\.css$/,
  /^assets\/icon-(16|32|64|80|128)\.png$/,
  /^manifest\.xml$/,
  /^delib\.config\.json$/,
];
const LOOPBACK_URL = /\b(https?|wss?):\/\/(localhost|127\.\d+\.\d+\.\d+|\[::1\]|0\.0\.0\.0)\b/;
const STAND_IN = /StandInModel|installOfficeStandIn|__standIn|delib-standin-development-token|graph-standin/;

const PAGES: Record<Build, PageName[]> = {
  addin: ['taskpane', 'commands', 'help', 'auth-dialog'],
  preview: ['taskpane', 'commands', 'help', 'auth-dialog', 'preview'],
};

describe('dist/addin: what is hosted, and nothing else', () => {
  const all = files(addin);

  it('has only hosted files', () => {
    expect(all.filter((f) => !HOSTED.some((p) => p.test(f)))).toEqual([]);
    for (const page of PAGES.addin) expect(all).toContain(`${page}.html`);
    for (const size of [16, 32, 64, 80]) expect(all).toContain(`assets/icon-${size}.png`);
    expect(all.some((f) => /\.tsx?$/.test(f))).toBe(false);
  });

  it('ships maps without the source text', () => {
    const maps = all.filter((f) => f.endsWith('.map'));
    expect(maps.length).toBeGreaterThan(0);
    for (const m of maps) {
      const map = JSON.parse(read('addin', m)) as { sourcesContent?: unknown; mappings: string };
      expect({ m, sourcesContent: map.sourcesContent }).toEqual({ m, sourcesContent: undefined });
      expect(map.mappings.length).toBeGreaterThan(0);
    }
  });

  it('names no loopback address and holds no stand-in code', () => {
    for (const f of all.filter((x) => !x.endsWith('.png'))) {
      const text = read('addin', f);
      expect({ f, loopback: LOOPBACK_URL.exec(text)?.[0] ?? null }).toEqual({ f, loopback: null });
      expect({ f, standIn: STAND_IN.exec(text)?.[0] ?? null }).toEqual({ f, standIn: null });
    }
    expect(() => assertDeployable(parseConfigText(read('addin', 'delib.config.json')))).not.toThrow();
  });

  it('loads Office.js from the CDN before the bundle', () => {
    for (const page of ['taskpane.html', 'commands.html', 'auth-dialog.html']) {
      const html = read('addin', page);
      const office = html.search(
        /<script src="?https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js"?>/,
      );
      const bundle = html.search(/<script defer src="?[A-Za-z]+\.[0-9a-f]+\.js"?>/);
      expect({ page, office: office >= 0, bundle: bundle > office }).toEqual({
        page,
        office: true,
        bundle: true,
      });
    }
  });

  it('writes a manifest whose URLs are all on the deployment origin', () => {
    const manifest = readManifest(read('addin', 'manifest.xml'));
    const expected = new URL(process.env.ADDIN_ORIGIN || PLACEHOLDER_ORIGIN).origin;
    expect(manifest.urls.length).toBeGreaterThan(5);
    for (const { url } of manifest.urls) expect(new URL(url).origin).toBe(expected);
    expect(read('addin', 'manifest.xml')).not.toContain('localhost');
  });
});

describe.each(['addin', 'preview'] as Build[])('dist/%s: a CSP on every page', (build) => {
  const config = parseConfigText(read(build, 'delib.config.json'));

  it.each(PAGES[build])(
    '%s.html: its policy first, before anything is loaded; no inline script or style',
    (page) => {
      const html = read(build, `${page}.html`);
      const meta = /<meta http-equiv="?Content-Security-Policy"? content="([^"]*)">/i.exec(html);
      expect(meta).not.toBeNull();
      expect(meta![1]).toBe(contentSecurityPolicy(page, { config, loopback: build === 'preview' }));
      const head = html.slice(0, html.indexOf('</head>'));
      const firstLoad = head.search(/<(script|link|style)\b/i);
      expect(firstLoad === -1 || meta!.index < firstLoad).toBe(true);
      expect(html).not.toMatch(/<style\b/i);
      expect(html).not.toMatch(/\sstyle=/i);
      expect(html).not.toMatch(/\son[a-z]+=/i);
      for (const script of html.match(/<script\b[^>]*>[^<]*<\/script>/gi) ?? []) {
        expect(script).toMatch(/\ssrc=/);
        expect(script).toMatch(/><\/script>$/);
      }
    },
  );
});

it('dist/preview is the stand-in build: the preview page and the loopback configuration', () => {
  expect(fs.existsSync(path.join(buildFolder('preview'), 'preview.html'))).toBe(true);
  expect(fs.existsSync(path.join(addin, 'preview.html'))).toBe(false);
  expect(read('preview', 'delib.config.json')).toMatch(/127\.0\.0\.1/);
});

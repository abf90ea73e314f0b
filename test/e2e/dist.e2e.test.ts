// The production build itself: what `npm run build:addin` leaves in dist/ for hosting.
import fs from 'node:fs';
import path from 'node:path';
import { PLACEHOLDER_ORIGIN } from '../../scripts/manifest-origin';
import { readManifest } from '../manifest/manifest-facts';

const repoRoot = path.resolve(__dirname, '..', '..');
const dist = process.env.DELIB_E2E_DIST || path.join(repoRoot, 'dist');
const read = (f: string) => fs.readFileSync(path.join(dist, f), 'utf8');

describe('the production build in dist/', () => {
  it('has the pages the manifest names, loading Office.js from the CDN', () => {
    for (const page of ['taskpane.html', 'commands.html', 'help.html'])
      expect(fs.existsSync(path.join(dist, page))).toBe(true);
    for (const page of ['taskpane.html', 'commands.html']) {
      const html = read(page);
      const office = html.search(
        /<script src="?https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js"?>/,
      );
      const bundle = html.search(/<script defer src="?[a-z]+\.[0-9a-f]+\.js"?>/);
      // Office.js first: the bundle's Office.onReady needs it loaded.
      expect({ page, office: office >= 0, bundle: bundle > office }).toEqual({
        page,
        office: true,
        bundle: true,
      });
    }
    for (const size of [16, 32, 64, 80])
      expect(fs.existsSync(path.join(dist, 'assets', `icon-${size}.png`))).toBe(true);
  });

  it('ships no preview and no Office.js stand-in', () => {
    expect(fs.existsSync(path.join(dist, 'preview.html'))).toBe(false);
    const bundles = fs.readdirSync(dist).filter((f) => f.endsWith('.js'));
    expect(bundles.length).toBeGreaterThan(0);
    for (const b of bundles) expect(read(b)).not.toMatch(/StandInModel|installOfficeStandIn|__standIn/);
  });

  it('writes a manifest whose URLs are all on the deployment origin', () => {
    const manifest = readManifest(read('manifest.xml'));
    const expected = new URL(process.env.ADDIN_ORIGIN || PLACEHOLDER_ORIGIN).origin;
    expect(manifest.urls.length).toBeGreaterThan(5);
    for (const { url } of manifest.urls) expect(new URL(url).origin).toBe(expected);
    expect(read('manifest.xml')).not.toContain('localhost');
  });
});

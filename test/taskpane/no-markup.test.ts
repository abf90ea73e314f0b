// Cell text reaches the pane from anyone who can edit the workbook; it must only ever become text
// nodes. This guards against the APIs that would parse it as markup.
import fs from 'node:fs';
import path from 'node:path';

const repoRoot = path.resolve(__dirname, '..', '..');
const FORBIDDEN =
  /\b(innerHTML|outerHTML|dangerouslySetInnerHTML|insertAdjacentHTML|document\.write|createContextualFragment)\b/;

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sources(full);
    return /\.(ts|tsx)$/.test(e.name) ? [full] : [];
  });
}

describe('no markup APIs in the pane, the commands or the preview', () => {
  const files = ['src/taskpane', 'src/commands', 'devtools/preview'].flatMap((d) =>
    sources(path.join(repoRoot, d)),
  );

  it('finds the sources it checks', () => {
    expect(files.length).toBeGreaterThan(15);
  });

  it.each(files.map((f) => [path.relative(repoRoot, f), f]))('%s', (_name, file) => {
    expect(fs.readFileSync(file, 'utf8')).not.toMatch(FORBIDDEN);
  });
});

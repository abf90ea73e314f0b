// The layers of /work/shared/design/architecture.md, checked on the source: a module imports only
// from its own layer or below (type-only and dynamic imports included), the folders' arrows run one
// way, each outside library is imported by its one door, and Office.js is used only in src/excel.
// A new folder under src/ fails here until it is given a layer below.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const SRC = path.resolve(__dirname, '..', '..', 'src');

/**
 * Each folder (or top-level file) of src/ and its layer. Beyond the architecture note's table:
 * src/register (the district register as a value), src/workbook (the pure layout both writers apply)
 * and src/bilingual.ts (the bilingual error every layer throws) are pure domain; so is src/xml, the
 * tokenizer the stamp parses its part with and src/xlsx its sheets with: code used by two layers
 * lives in the lower one.
 */
const LAYERS: Record<string, number> = {
  standard: 0,
  engine: 1,
  stamp: 1,
  submission: 1,
  city: 1,
  config: 1,
  session: 1,
  register: 1,
  workbook: 1,
  xml: 1,
  bilingual: 1,
  excel: 2,
  graph: 2,
  auth: 2,
  xlsx: 2,
  taskpane: 3,
  commands: 3,
  cli: 3,
};

/** Outside packages and the one folder that may import each (architecture: one door per system). */
const DOORS: [RegExp, string][] = [
  [/^exceljs$/, 'xlsx'],
  [/^@azure\/msal-/, 'auth'],
  [/^@microsoft\/microsoft-graph-client$/, 'graph'],
  [/^(react|react-dom|@fluentui\/)/, 'taskpane'],
];

interface Import {
  /** Path below src/, `/`-separated (`stamp/format.ts`). */
  from: string;
  /** The import's text (`../xml/tokenizer`, `node:fs`, `exceljs`). */
  spec: string;
}

/** The folder (or top-level module) of src/ a path below src/ is in. */
const folderOf = (p: string) => p.split('/')[0].replace(/\.tsx?$/, '');

/** The src/ folder a relative import points into, or null when it leaves src/. */
function target(i: Import): string | null {
  const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(i.from), i.spec));
  return resolved.startsWith('../') ? null : folderOf(resolved);
}

/** Every rule broken by a set of imports, one line each. */
function violations(imports: readonly Import[]): string[] {
  const out: string[] = [];
  const edges = new Map<string, Set<string>>();
  for (const i of imports) {
    const from = folderOf(i.from);
    const own = LAYERS[from];
    if (own === undefined) out.push(`src/${i.from}: folder '${from}' has no layer (test/architecture)`);
    if (i.spec.startsWith('.')) {
      const to = target(i);
      if (to === null) out.push(`src/${i.from} imports '${i.spec}', outside src/`);
      else if (to !== from) {
        if (LAYERS[to] === undefined) out.push(`src/${i.from} imports '${i.spec}': '${to}' has no layer`);
        else if (own !== undefined && LAYERS[to] > own)
          out.push(`src/${i.from} (layer ${own}) imports '${i.spec}' (layer ${LAYERS[to]})`);
        if (!edges.has(from)) edges.set(from, new Set());
        edges.get(from)!.add(to);
      }
      continue;
    }
    const door = DOORS.find(([re]) => re.test(i.spec));
    if (door && door[1] !== from)
      out.push(`src/${i.from} imports '${i.spec}', which only src/${door[1]} may`);
    // Layers 0–1 are pure: no file system, network, clock or process of Node's.
    if (own !== undefined && own <= 1 && (i.spec.startsWith('node:') || NODE_BUILTINS.has(i.spec)))
      out.push(`src/${i.from} (layer ${own}, pure) imports '${i.spec}'`);
  }
  for (const cycle of cycles(edges)) out.push(`folders import each other: ${cycle.join(' → ')}`);
  return out;
}

const NODE_BUILTINS = new Set([
  'fs',
  'path',
  'os',
  'crypto',
  'child_process',
  'http',
  'https',
  'net',
  'zlib',
]);

/** One cycle per strongly connected group of folders (depth-first; a few dozen folders). */
function cycles(edges: Map<string, Set<string>>): string[][] {
  const found: string[][] = [];
  const done = new Set<string>();
  const visit = (node: string, trail: string[]) => {
    const at = trail.indexOf(node);
    if (at >= 0) {
      found.push([...trail.slice(at), node]);
      return;
    }
    if (done.has(node)) return;
    for (const next of edges.get(node) ?? []) visit(next, [...trail, node]);
    done.add(node);
  };
  for (const node of edges.keys()) visit(node, []);
  return found;
}

function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts'))
    .map((e) => path.join(e.parentPath, e.name));
}

const rel = (file: string) => path.relative(SRC, file).split(path.sep).join('/');

/** Office.js's globals used as values (calls, property reads) in a file; type positions are not uses. */
function officeUses(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  const uses: string[] = [];
  const walk = (node: ts.Node) => {
    if (
      ts.isIdentifier(node) &&
      ['Office', 'Excel', 'OfficeExtension'].includes(node.text) &&
      (ts.isPropertyAccessExpression(node.parent) || ts.isTypeOfExpression(node.parent)) &&
      !ts.isQualifiedName(node.parent)
    ) {
      const { line } = source.getLineAndCharacterOfPosition(node.getStart());
      uses.push(`src/${rel(file)}:${line + 1} uses ${node.parent.getText().slice(0, 40)}`);
    }
    ts.forEachChild(node, walk);
  };
  walk(source);
  return uses;
}

const files = sourceFiles(SRC);
const imports: Import[] = files.flatMap((file) =>
  ts
    .preProcessFile(fs.readFileSync(file, 'utf8'), true, true)
    .importedFiles.map((f) => ({ from: rel(file), spec: f.fileName })),
);

describe('the layers (architecture.md)', () => {
  it('reads the imports of every source file', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(imports.some((i) => i.from === 'cli/main.ts' && i.spec === './commands')).toBe(true);
    // Type-only and dynamic imports count.
    expect(imports.some((i) => i.from === 'session/state.ts' && i.spec === '../stamp/types')).toBe(true);
    expect(imports.some((i) => i.from === 'cli/commands/index.ts' && i.spec === './validate')).toBe(true);
  });

  it('no module imports from a higher layer, folders never import each other, libraries through their door', () => {
    expect(violations(imports)).toEqual([]);
  });

  it('Office.js is used only in src/excel', () => {
    expect(files.filter((f) => !rel(f).startsWith('excel/')).flatMap(officeUses)).toEqual([]);
    // The check sees real uses: src/excel has them.
    expect(files.filter((f) => rel(f).startsWith('excel/')).flatMap(officeUses).length).toBeGreaterThan(0);
  });

  it('the checker catches each kind of breach', () => {
    expect(
      violations([
        { from: 'stamp/types.ts', spec: '../taskpane/state' },
        { from: 'excel/session.ts', spec: '../cli/command' },
        { from: 'engine/metrics.ts', spec: 'exceljs' },
        { from: 'session/state.ts', spec: 'node:fs' },
        { from: 'stamp/a.ts', spec: '../submission/plan' },
        { from: 'submission/plan.ts', spec: '../stamp' },
        { from: 'gadgets/x.ts', spec: '../standard' },
        { from: 'engine/x.ts', spec: '../../devtools/graph-standin' },
      ]),
    ).toEqual([
      "src/stamp/types.ts (layer 1) imports '../taskpane/state' (layer 3)",
      "src/excel/session.ts (layer 2) imports '../cli/command' (layer 3)",
      "src/engine/metrics.ts imports 'exceljs', which only src/xlsx may",
      "src/session/state.ts (layer 1, pure) imports 'node:fs'",
      "src/gadgets/x.ts: folder 'gadgets' has no layer (test/architecture)",
      "src/engine/x.ts imports '../../devtools/graph-standin', outside src/",
      'folders import each other: stamp → submission → stamp',
    ]);
  });
});

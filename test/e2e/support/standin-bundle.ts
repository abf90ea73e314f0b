// Bundles the Office.js stand-in for the browser (once per e2e test file): the tests serve it where
// the page asks for Microsoft's office.js. TypeScript is compiled as webpack.config.js compiles the pane.
import path from 'node:path';
import webpack from 'webpack';
import { typescriptResolve, typescriptRule } from '../../../scripts/webpack-typescript';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const FILE = 'office-standin.js';

export function buildStandInBundle(outDir: string): Promise<string> {
  return buildBundle(path.join(__dirname, 'browser-standin.ts'), outDir, FILE);
}

/** Any TypeScript entry bundled for the browser, compiled as the pane is. */
export function buildBundle(entry: string, outDir: string, file: string): Promise<string> {
  const compiler = webpack({
    mode: 'development',
    devtool: false,
    context: repoRoot,
    entry,
    output: { path: outDir, filename: file },
    resolve: typescriptResolve,
    module: { rules: [typescriptRule({ sourceMap: false })] },
    infrastructureLogging: { level: 'error' },
  });
  return new Promise((resolve, reject) => {
    compiler.run((error, stats) => {
      compiler.close(() => undefined);
      if (error) return reject(error);
      if (stats?.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve(path.join(outDir, file));
    });
  });
}

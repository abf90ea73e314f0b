// Bundles the Office.js stand-in for the browser (once per e2e run): the tests serve it where the
// page asks for Microsoft's office.js.
import path from 'node:path';
import webpack from 'webpack';

const repoRoot = path.resolve(__dirname, '..', '..', '..');

export function buildStandInBundle(outDir: string): Promise<string> {
  const compiler = webpack({
    mode: 'development',
    devtool: false,
    context: repoRoot,
    entry: path.join(__dirname, 'browser-standin.ts'),
    output: { path: outDir, filename: 'office-standin.js' },
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          loader: 'ts-loader',
          options: { transpileOnly: true, compilerOptions: { module: 'esnext', sourceMap: false } },
        },
      ],
    },
    infrastructureLogging: { level: 'error' },
  });
  return new Promise((resolve, reject) => {
    compiler.run((error, stats) => {
      compiler.close(() => undefined);
      if (error) return reject(error);
      if (stats?.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve(path.join(outDir, 'office-standin.js'));
    });
  });
}

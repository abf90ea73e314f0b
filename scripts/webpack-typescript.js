/* global module */
// How every bundle in this repository compiles TypeScript for the browser: webpack.config.js (the
// add-in's pages and the preview) and the e2e tests' Office.js stand-in bundle
// (test/e2e/support/standin-bundle.ts). One place, so the tests' stand-in is built the way the pane is.
'use strict';

/** `.ts` and `.tsx` through ts-loader, transpile only: type checking is `npm run typecheck`'s job. */
function typescriptRule({ sourceMap }) {
  return {
    test: /\.tsx?$/,
    exclude: /node_modules/,
    loader: 'ts-loader',
    options: { transpileOnly: true, compilerOptions: { module: 'esnext', sourceMap } },
  };
}

const typescriptResolve = { extensions: ['.ts', '.tsx', '.js'] };

module.exports = { typescriptRule, typescriptResolve };

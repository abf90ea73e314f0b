// Two builds of the add-in's pages (taskpane, commands, help, auth-dialog), each in a folder of its own:
//
// - dist/addin/ (`npm run build:addin`, production): exactly what is hosted — the pages, hashed
//   bundles, source maps without sources, the icons, manifest.xml for ADDIN_ORIGIN and the
//   deployment's delib.config.json. The deployment's configuration is required (DELIB_CONFIG=path,
//   or `-- --env config=path`) and must be deployable: Microsoft Graph, a real Entra client id
//   (src/config/deployment.ts). No stand-in code, no loopback address, no preview.
// - dist/preview/ (`npm run build:preview`, and `npm start` in development): the same pages plus the
//   browser preview, configured for the local Graph stand-in (config/delib.config.json), with a CSP
//   that lets them reach this computer. The e2e tests run on it.
//
// Every page carries its Content-Security-Policy as the first element of <head> (src/config/csp.ts).
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { require: requireTs } = require('tsx/cjs/api');
const { PLACEHOLDER_ORIGIN, rewriteManifestOrigin } = require('./scripts/manifest-origin');
const { devServerTransport } = require('./scripts/dev-certs');
const { typescriptRule, typescriptResolve } = require('./scripts/webpack-typescript');

// The checks and the policies are the product's own (TypeScript, loaded as the CLI and the pane load them).
const { parseConfigText } = requireTs('./src/config/index.ts', __filename);
const { assertDeployable } = requireTs('./src/config/deployment.ts', __filename);
const { contentSecurityPolicy } = requireTs('./src/config/csp.ts', __filename);

const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const PORT = Number(process.env.PORT || 3000);
const STANDIN_CONFIG = path.join(__dirname, 'config', 'delib.config.json');

class BuildRefused extends Error {}

/** The configuration a build is made for, checked; a production build refuses anything not deployable. */
function buildConfiguration(flavour, env) {
  const file =
    flavour === 'addin' ? env.config || process.env.DELIB_CONFIG || null : env.config || STANDIN_CONFIG;
  if (!file) {
    throw new BuildRefused(
      '배포 설정이 필요합니다: DELIB_CONFIG=<배포용 delib.config.json 경로> npm run build:addin ' +
        '(틀: config/delib.config.example.json)\n' +
        "The production build needs the deployment's configuration: DELIB_CONFIG=<path to its " +
        'delib.config.json> npm run build:addin (template: config/delib.config.example.json)',
    );
  }
  const resolved = path.resolve(file);
  if (!fs.existsSync(resolved)) {
    throw new BuildRefused(`설정 파일이 없습니다 / configuration file not found: ${resolved} (DELIB_CONFIG)`);
  }
  const text = fs.readFileSync(resolved, 'utf8');
  try {
    const config = parseConfigText(text);
    if (flavour === 'addin') assertDeployable(config);
    return { config, text, file: resolved };
  } catch (e) {
    if (e && typeof e.ko === 'string') throw new BuildRefused(`${e.ko}\n${e.en}\n(${resolved})`);
    throw e;
  }
}

module.exports = async (env = {}, argv = {}) => {
  const production = argv.mode === 'production';
  const flavour = production && !env.preview ? 'addin' : 'preview';
  const preview = flavour === 'preview';
  let deployed;
  try {
    deployed = buildConfiguration(flavour, env);
  } catch (e) {
    if (!(e instanceof BuildRefused)) throw e;
    // One clear message and a failed build, not a stack trace.
    process.stderr.write(`\n빌드 거부 / build refused:\n${e.message}\n\n`);
    process.exit(2);
  }
  const origin = process.env.ADDIN_ORIGIN || PLACEHOLDER_ORIGIN;
  const serving = Boolean(process.env.WEBPACK_SERVE);
  const transport = serving ? await devServerTransport() : null;
  const csp = (page) => contentSecurityPolicy(page, { config: deployed.config, loopback: preview });

  const entry = {
    taskpane: './src/taskpane/index.tsx',
    commands: './src/commands/commands.ts',
    // The Office dialog that signs in where the host lacks nested app authentication.
    authDialog: './src/taskpane/auth-dialog.ts',
  };
  if (preview) entry.preview = './devtools/preview/index.tsx';

  const page = (name, title, chunks, template) =>
    new HtmlWebpackPlugin({
      filename: `${name}.html`,
      template,
      chunks,
      title,
      templateParameters: { officeJs: OFFICE_JS, csp: csp(name) },
    });

  return {
    mode: production ? 'production' : 'development',
    // No eval anywhere: the pages' CSP has no 'unsafe-eval', in development either. Production maps
    // are written by the plugin below, for bundles only.
    devtool: production ? false : 'cheap-module-source-map',
    entry,
    output: {
      path: path.resolve(__dirname, 'dist', flavour),
      filename: production ? '[name].[contenthash:8].js' : '[name].js',
      clean: true,
    },
    resolve: typescriptResolve,
    module: { rules: [typescriptRule({ sourceMap: true })] },
    plugins: [
      // '1' only where the pane may use the local Graph stand-in's development token: the production
      // bundle leaves that code out (src/taskpane/submit/office-service.ts).
      new webpack.DefinePlugin({ 'process.env.DELIB_STANDIN': JSON.stringify(preview ? '1' : '0') }),
      // Hosted maps carry file names and lines for stack traces, never the source text.
      ...(production
        ? [new webpack.SourceMapDevToolPlugin({ test: /\.js$/, filename: '[file].map', noSources: !preview })]
        : []),
      page('taskpane', '숙의공론 통합시트 검증', ['taskpane'], './src/taskpane/taskpane.html'),
      page('commands', '숙의공론 명령', ['commands'], './src/commands/commands.html'),
      page('help', '도움말 / Help', [], './src/taskpane/help.html'),
      page('auth-dialog', '로그인 / Sign in', ['authDialog'], './src/taskpane/auth-dialog.html'),
      ...(preview
        ? [page('preview', '숙의공론 미리보기 / Preview', ['preview'], './devtools/preview/preview.html')]
        : []),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'src/taskpane/help.css', to: 'help.css' },
          // The configuration the pages read beside taskpane.html: the one this build was checked with.
          { from: deployed.file, to: 'delib.config.json', transform: () => deployed.text },
          ...(preview
            ? []
            : [
                {
                  from: 'manifest.xml',
                  to: 'manifest.xml',
                  transform: (content) => rewriteManifestOrigin(content.toString('utf8'), origin),
                },
              ]),
        ],
      }),
    ],
    performance: { hints: false },
    devServer: serving
      ? {
          port: PORT,
          host: 'localhost',
          server: transport.server,
          headers: { 'Access-Control-Allow-Origin': '*' },
          hot: false,
          liveReload: true,
          client: { overlay: false },
        }
      : undefined,
    stats: 'minimal',
    infrastructureLogging: { level: 'warn' },
    ...(production ? {} : { optimization: { splitChunks: false } }),
  };
};

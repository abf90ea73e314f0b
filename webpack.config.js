// Builds the task pane and the ribbon commands (dist/taskpane.html, dist/commands.html) and, in
// development only, the browser preview (dist/preview.html) that runs the pane on the Office.js
// stand-in. Production builds also write dist/manifest.xml for the deployment origin.
'use strict';
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { PLACEHOLDER_ORIGIN, rewriteManifestOrigin } = require('./scripts/manifest-origin');
const { devServerTransport } = require('./scripts/dev-certs');
const { typescriptRule, typescriptResolve } = require('./scripts/webpack-typescript');

const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const PORT = Number(process.env.PORT || 3000);

module.exports = async (env = {}, argv = {}) => {
  const production = argv.mode === 'production';
  // The preview bundles the test stand-in, so it never ships in a production build.
  const preview = !production;
  const origin = process.env.ADDIN_ORIGIN || PLACEHOLDER_ORIGIN;
  const serving = Boolean(process.env.WEBPACK_SERVE);
  const transport = serving ? await devServerTransport() : null;

  const entry = {
    taskpane: './src/taskpane/index.tsx',
    commands: './src/commands/commands.ts',
    // The Office dialog that signs in where the host lacks nested app authentication.
    authDialog: './src/auth/dialog.ts',
  };
  if (preview) entry.preview = './devtools/preview/index.tsx';

  const page = (name, title, chunks, template = `./src/taskpane/${name}.html`) =>
    new HtmlWebpackPlugin({
      filename: `${name}.html`,
      template,
      chunks,
      title,
      templateParameters: { officeJs: OFFICE_JS },
    });

  return {
    mode: production ? 'production' : 'development',
    devtool: production ? 'source-map' : 'eval-cheap-module-source-map',
    entry,
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: production ? '[name].[contenthash:8].js' : '[name].js',
      // dist/src and dist/devtools hold the compiled CLI (npm run build:cli runs first): keep them.
      clean: { keep: (asset) => /^(src|devtools)[\\/]/.test(asset) },
    },
    resolve: typescriptResolve,
    module: { rules: [typescriptRule({ sourceMap: true })] },
    plugins: [
      page('taskpane', '숙의공론 통합시트 검증', ['taskpane']),
      page('commands', '숙의공론 명령', ['commands'], './src/commands/commands.html'),
      new HtmlWebpackPlugin({ filename: 'help.html', template: './src/taskpane/help.html', chunks: [] }),
      page('auth-dialog', '로그인 / Sign in', ['authDialog'], './src/auth/dialog.html'),
      ...(preview
        ? [page('preview', '숙의공론 미리보기 / Preview', ['preview'], './devtools/preview/preview.html')]
        : []),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          // The deployed configuration (tenant, client id, site, lists), fetched beside taskpane.html.
          { from: 'config/delib.config.json', to: 'delib.config.json' },
          ...(production
            ? [
                {
                  from: 'manifest.xml',
                  to: 'manifest.xml',
                  transform: (content) => rewriteManifestOrigin(content.toString('utf8'), origin),
                },
              ]
            : []),
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

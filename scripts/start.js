#!/usr/bin/env node
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS script for plain node */
/* global require, process, console, setTimeout */
// `npm start`: build and serve the pane on localhost:3000 (https with the Office dev certificates
// where they install, http otherwise), start the local Graph stand-in, sideload into desktop Excel
// where there is one, else print how to sideload and open the browser preview. Everything runs in
// the background and this script returns, so it never blocks a terminal or CI; `npm stop` ends it.
'use strict';
const fs = require('node:fs');
const http = require('node:http');
const https = require('node:https');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { repoRoot, pidFile, readPids, writePids, isAlive, startDetached } = require('./processes');
const { devServerTransport } = require('./dev-certs');

const PORT = Number(process.env.PORT || 3000);
const READY_TIMEOUT_MS = Number(process.env.DELIB_START_TIMEOUT_MS || 180000);

function probe(url) {
  return new Promise((resolve) => {
    const lib = url.startsWith('https:') ? https : http;
    const req = lib.get(url, { rejectUnauthorized: false, timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.on('timeout', () => {
      req.destroy();
      resolve(false);
    });
  });
}

async function waitFor(url, pid) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (await probe(url)) return true;
    if (!isAlive(pid)) return false;
    await new Promise((r) => setTimeout(r, 1000));
  }
  return false;
}

/** The local Graph stand-in, run from its TypeScript with tsx (devtools are never compiled into dist/). */
function graphStandInCommand() {
  // The lists are provisioned from the configuration the preview pane is served with (config/,
  // copied beside taskpane.html by the preview build).
  const source = path.join(repoRoot, 'devtools', 'graph-standin', 'run.ts');
  if (!fs.existsSync(source)) return null;
  return [require.resolve('tsx/cli'), source, '--config', path.join(repoRoot, 'config', 'delib.config.json')];
}

function desktopExcel() {
  if (process.platform === 'darwin') return fs.existsSync('/Applications/Microsoft Excel.app');
  if (process.platform !== 'win32') return false;
  const roots = [process.env.ProgramFiles, process.env['ProgramFiles(x86)']].filter(Boolean);
  return roots.some((root) =>
    ['Office16', 'Office15'].some((v) =>
      fs.existsSync(path.join(root, 'Microsoft Office', 'root', v, 'EXCEL.EXE')),
    ),
  );
}

function hasDisplay() {
  if (process.platform === 'win32' || process.platform === 'darwin') return true;
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

async function openBrowser(url) {
  try {
    const { default: open } = await import('open');
    await open(url);
    console.log(`브라우저에서 미리보기를 열었습니다 / opened the preview in your browser: ${url}`);
  } catch (error) {
    console.log(
      `브라우저를 열지 못했습니다 / could not open a browser (${error.message}); open ${url} yourself.`,
    );
  }
}

async function main() {
  const running = readPids();
  if (running && running.processes.some((p) => isAlive(p.pid))) {
    console.log(`이미 실행 중입니다 / already running: ${running.origin}/taskpane.html (npm stop to end it)`);
    return;
  }
  const transport = await devServerTransport();
  const origin = `${transport.protocol}://localhost:${PORT}`;
  const processes = [];
  const webpackCli = require.resolve('webpack-cli/bin/cli.js');
  processes.push(
    startDetached('dev-server', process.execPath, [webpackCli, 'serve', '--mode', 'development'], {
      PORT: String(PORT),
      // The server must make the same http/https choice as printed above.
      DELIB_HTTP: transport.protocol === 'http' ? '1' : '',
    }),
  );
  const graph = graphStandInCommand();
  if (graph) processes.push(startDetached('graph-standin', process.execPath, graph));
  writePids({ origin, processes, startedAt: new Date().toISOString() });
  console.log(
    `빌드하고 서버를 시작하는 중입니다 / building and starting the server (log: .tmp/dev-server.log)…`,
  );

  const ready = await waitFor(`${origin}/taskpane.html`, processes[0].pid);
  if (!ready) {
    console.error(
      `서버가 시작되지 않았습니다 / the server did not start: see ${path.relative(process.cwd(), processes[0].log)}, then run npm stop.`,
    );
    process.exitCode = 1;
    return;
  }
  const manifest = path.join(repoRoot, 'manifest.xml');
  console.log(`작업창 / task pane:  ${origin}/taskpane.html`);
  console.log(`미리보기 / preview:  ${origin}/preview.html`);
  if (graph && isAlive(processes[1].pid))
    console.log(
      `Graph 대체 서버 / Graph stand-in: http://127.0.0.1:${process.env.DELIB_GRAPH_STANDIN_PORT || 4321} (log: .tmp/graph-standin.log)`,
    );
  else if (graph)
    // It provisions in a second or two, long before the first build is served: gone now means it failed.
    console.error(
      `Graph 대체 서버가 멈췄습니다 / the Graph stand-in stopped: see ${path.relative(process.cwd(), processes[1].log)} (submitting from the pane will fail).`,
    );
  console.log(`중지 / stop: npm stop (pid file ${path.relative(process.cwd(), pidFile)})`);

  if (desktopExcel() && transport.protocol === 'https' && !process.env.DELIB_NO_SIDELOAD) {
    console.log('데스크톱 Excel에 추가 기능을 올립니다 / sideloading into desktop Excel…');
    try {
      const cli = require.resolve('office-addin-debugging/cli.js');
      execFileSync(
        process.execPath,
        [
          cli,
          'start',
          manifest,
          'desktop',
          '--app',
          'excel',
          '--no-debug',
          '--dev-server-port',
          String(PORT),
        ],
        {
          stdio: 'inherit',
          cwd: repoRoot,
        },
      );
      return;
    } catch (error) {
      console.log(
        `사이드로드하지 못했습니다 / sideloading failed (${error.message}); see below to do it by hand.`,
      );
    }
  }
  console.log('');
  console.log('Excel에 올리는 방법 / To sideload:');
  console.log(
    '  웹용 Excel: 삽입 › 추가 기능 › 내 추가 기능 업로드 / Excel on the web: Insert › Add-ins › Upload My Add-in',
  );
  console.log(`  매니페스트 / manifest: ${manifest}`);
  if (transport.protocol === 'http') {
    console.log(
      '  주의: Excel은 https만 받습니다. 인증서를 설치할 수 있는 곳에서 실행하세요 / Excel needs https: run where the dev certificates install.',
    );
  }
  if (hasDisplay() && !process.env.CI) await openBrowser(`${origin}/preview.html`);
  else
    console.log(
      `화면이 없어 브라우저를 열지 않았습니다 / no display: open ${origin}/preview.html in a browser.`,
    );
}

main().catch((error) => {
  console.error(`npm start 실패 / failed: ${error.message}`);
  process.exitCode = 1;
});

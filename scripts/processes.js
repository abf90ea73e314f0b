/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS script for plain node */
/* global require, module, process, __dirname */
// Background processes started by `npm start`, remembered in a pid file so `npm stop` ends exactly
// those (by process group id) and nothing else.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { spawn } = require('node:child_process');

const repoRoot = path.resolve(__dirname, '..');
const stateDir = path.join(repoRoot, '.tmp');
const pidFile = path.join(stateDir, 'delib-start.json');

function readPids() {
  try {
    return JSON.parse(fs.readFileSync(pidFile, 'utf8'));
  } catch {
    return null;
  }
}

function writePids(state) {
  fs.mkdirSync(stateDir, { recursive: true });
  fs.writeFileSync(pidFile, JSON.stringify(state, null, 2));
}

function removePids() {
  fs.rmSync(pidFile, { force: true });
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Starts `command args` detached in its own process group, output appended to .tmp/<name>.log. */
function startDetached(name, command, args, env = {}) {
  fs.mkdirSync(stateDir, { recursive: true });
  const log = path.join(stateDir, `${name}.log`);
  const out = fs.openSync(log, 'a');
  const child = spawn(command, args, {
    cwd: repoRoot,
    detached: true,
    stdio: ['ignore', out, out],
    env: { ...process.env, ...env },
  });
  child.unref();
  fs.closeSync(out);
  return { name, pid: child.pid, log };
}

/** Ends a process group we started; on Windows (no groups) the process itself. */
function stopProcess(pid) {
  if (!isAlive(pid)) return false;
  try {
    process.kill(process.platform === 'win32' ? pid : -pid, 'SIGTERM');
  } catch {
    process.kill(pid, 'SIGTERM');
  }
  return true;
}

module.exports = {
  repoRoot,
  stateDir,
  pidFile,
  readPids,
  writePids,
  removePids,
  isAlive,
  startDetached,
  stopProcess,
};

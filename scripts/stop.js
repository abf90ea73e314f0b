#!/usr/bin/env node
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS script for plain node */
/* global require, console */
// `npm stop`: ends the processes `npm start` recorded in its pid file, and only those.
'use strict';
const { readPids, removePids, stopProcess } = require('./processes');

const state = readPids();
if (!state) {
  console.log('실행 중인 서버가 없습니다 / nothing to stop.');
} else {
  for (const p of state.processes) {
    const stopped = stopProcess(p.pid);
    console.log(`${p.name} (pid ${p.pid}): ${stopped ? '중지함 / stopped' : '이미 끝남 / already ended'}`);
  }
  removePids();
}

// The real `delib` (src/cli/main.ts, as bin/delib.js runs it) in a child process that reports its
// resource use on file descriptor 3 when it exits: the limit tests measure peak memory with it.
import fs from 'node:fs';
import { main } from '../../src/cli/main';

process.on('exit', () => {
  fs.writeSync(3, JSON.stringify(process.resourceUsage()));
});
void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});

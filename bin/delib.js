#!/usr/bin/env node
// The delib command: runs the compiled CLI (npm run build:cli makes dist/cli/; the add-in is elsewhere).
const path = require('path');
const fs = require('fs');
const entry = path.join(__dirname, '..', 'dist', 'cli', 'cli', 'main.js');
if (!fs.existsSync(entry)) {
  process.stderr.write('delib: 먼저 빌드하세요 / build first: npm run build:cli\n');
  process.exit(2);
}
require(entry)
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });

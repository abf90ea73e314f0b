#!/usr/bin/env node
// Plain-node entry for the stand-in: the compiled copy when `npm run build:cli` made one, else tsx.
const fs = require('fs');
const path = require('path');
const compiled = path.join(__dirname, '..', '..', 'dist', 'devtools', 'graph-standin', 'run.js');
if (fs.existsSync(compiled)) require(compiled);
else {
  require('tsx/cjs');
  require('./run.ts');
}

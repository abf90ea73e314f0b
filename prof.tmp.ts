import { performance } from 'perf_hooks';
import { generatedWorkbook } from './bench/engine';
import { validateWorkbook } from './src/engine';
const snap = generatedWorkbook(10_000);
for (let i = 0; i < 30; i++) validateWorkbook(snap);
let min = Infinity;
for (let i = 0; i < 60; i++) { const t = performance.now(); validateWorkbook(snap); min = Math.min(min, performance.now() - t); }
console.log(process.cwd(), 'min', min.toFixed(1), 'ms');

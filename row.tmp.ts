import { performance } from 'perf_hooks';
import Ajv from 'ajv';
import { generatedWorkbook } from './bench/engine';
import { locateTable } from './src/engine/locate';
import { compileStandard } from './src/engine/compile';
import { TableState } from './src/engine/table';
import { serialFromYmd } from './src/engine/dates';
import { registry } from './src/standard';
import { standard2021_1 } from './src/standard/2021.1';
const fresh = generatedWorkbook(10_000);
const layout = locateTable(fresh.sheets[1], standard2021_1.sheets.forums, standard2021_1);
const period = { year: 2021, quarter: 4, reportDate: 44561, yearStart: serialFromYmd(2021, 1, 1), yearEnd: serialFromYmd(2021, 12, 31), quarterEnd: serialFromYmd(2021, 12, 31) };
const ctx = new TableState(compileStandard(standard2021_1, registry).forums, fresh.sheets[1], layout, period, null);
let min = Infinity;
for (let i = 0; i < 400; i++) { const t = performance.now(); for (let r = 2; r <= 10_001; r++) ctx.read(r); min = Math.min(min, performance.now() - t); }
console.log('new engine min', min.toFixed(2), 'ms');

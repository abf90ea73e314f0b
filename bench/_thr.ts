import { throttledRun } from './graph';
(async () => {
  const [rows, scale, lat] = process.argv.slice(2).map(Number);
  for (const headers of [true, false]) {
    const t = Date.now();
    const r = await throttledRun(rows, { budget: 600, clockScale: scale, headers, latencyMs: lat });
    console.log(headers ? 'headers' : 'no headers', (Date.now()-t)+'ms', JSON.stringify(r));
  }
})();

// One reader run in its own process (so its peak memory is its own): reads FILE with the bounded
// reader (or, with --exceljs, the former exceljs reader; with --none, nothing: the process's own
// footprint) and prints {ms, peakMB, outcome} as JSON.
import { readWorkbookFile } from '../src/xlsx/read';
import { standardSheets } from '../src/cli/load';
import { describeError } from '../src/cli/errors';
import { readFileWithExcelJS } from '../test/xlsx/exceljs-reader';

async function main(): Promise<void> {
  const [file, mode] = process.argv.slice(2);
  const t0 = performance.now();
  let outcome: string;
  if (mode === '--none') {
    process.stdout.write(
      JSON.stringify({ ms: 0, peakMB: process.resourceUsage().maxRSS / 1024, outcome: 'nothing read' }) +
        '\n',
    );
    return;
  }
  try {
    const { snapshot } =
      mode === '--exceljs'
        ? await readFileWithExcelJS(file)
        : await readWorkbookFile(file, { sheets: standardSheets() });
    const cells = snapshot.sheets.reduce((n, s) => n + s.rows.reduce((m, r) => m + r.length, 0), 0);
    outcome = `read: ${snapshot.sheets.length} sheets, ${cells} cells`;
  } catch (e) {
    outcome = `refused: ${describeError(e).en.replace(/^[^:]*: /, '')}`;
  }
  const ms = performance.now() - t0;
  const peakMB = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(JSON.stringify({ ms, peakMB, outcome }) + '\n');
}

void main();

// The city's desk, measured (issue 8):
//  (a) board + data book + composition table (and the comparison) for 25 districts × 2 years read
//      from the Graph stand-in holding the demo city, at 50 ms latency: HTTP requests and wall time
//      from a fresh client (no site id cached) — target ≤ 5 requests and < 1 s;
//  (b) the consolidation workbook made and refreshed in the Office.js stand-in: syncs for 5 and 24
//      districts — target ≤ 5 syncs, the same however many districts.
// Run alone: npx tsx bench/city.ts   (or npm run bench -- city)
import { STANDIN_TOKEN } from '../src/auth/standin';
import { compareYears, compositionTable, dataBook, statusBoard } from '../src/city';
import { createGraphSubmission } from '../src/graph';
import { readCity, readerIdentity } from '../src/graph/city';
import { writeDesk } from '../src/excel/desk';
import { defaultRunner } from '../src/excel/host';
import { documentSettings } from '../src/excel/settings';
import { newestStandard } from '../src/standard';
import { deskSheets } from '../src/workbook/desk';
import { installOfficeStandIn } from '../test/standins/office-js';
import { demoStandIn } from '../test/support/demo-city';
import { mixedCity } from '../test/city/mixed-city';
import { deskInput } from '../test/excel/desk-fixtures';

const LATENCY = 50;
const RUNS = 5;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function benchGraph(): Promise<void> {
  const demo = await demoStandIn('snapshot');
  try {
    demo.standIn.setLatency(LATENCY);
    const times: number[] = [];
    let requests = 0;
    let counts = '';
    for (let i = 0; i < RUNS; i++) {
      // A fresh client each run, as a command run or a pane load has: the site id is not cached.
      const graph = createGraphSubmission({
        config: demo.config,
        tokens: { getToken: async () => STANDIN_TOKEN },
        standard: newestStandard,
      });
      demo.standIn.resetStats();
      const t = performance.now();
      const reading = await readCity(graph.site, [2020, 2021], {
        standard: newestStandard,
        reader: (register) => readerIdentity(graph.http, register),
      });
      const base = {
        submissions: reading.submissions,
        register: reading.register,
        groupsOf: reading.groupsOf,
      };
      const now = new Date();
      for (const year of [2020, 2021]) {
        statusBoard({ ...base, year, quarter: 4, now });
        compositionTable({ ...base, year });
      }
      const board = statusBoard({ ...base, year: 2021, quarter: 4, now });
      compareYears(dataBook({ ...base, year: 2020 }), dataBook({ ...base, year: 2021 }), newestStandard);
      times.push(performance.now() - t);
      requests = demo.standIn.stats().requests;
      counts = Object.entries(board.counts)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ');
    }
    console.table([
      {
        case: `board + data book + composition, 25 districts × 2 years, ${LATENCY} ms latency`,
        requests,
        'median ms': Math.round(median(times)),
        'max ms': Math.round(Math.max(...times)),
        target: '≤ 5 requests, < 1000 ms',
        '2021 Q4 board': counts,
      },
    ]);
  } finally {
    await demo.close();
  }
}

async function benchExcel(): Promise<void> {
  const rows: Record<string, string | number>[] = [];
  for (const districts of [5, 24]) {
    const standin = installOfficeStandIn(globalThis, { sheets: [{ name: 'Sheet1' }] });
    try {
      const sheets = deskSheets(deskInput(mixedCity(districts)));
      for (const pass of ['make', 'refresh', 'refresh']) {
        standin.resetStats();
        const t = performance.now();
        const result = await writeDesk(defaultRunner, sheets, documentSettings());
        rows.push({
          case: `consolidation workbook, ${districts} districts, ${pass}`,
          result: result.kind,
          syncs: standin.stats().syncs,
          'Office.js requests': standin.stats().requests,
          ms: Math.round(performance.now() - t),
          target: '≤ 5 syncs',
        });
      }
    } finally {
      standin.uninstall();
    }
  }
  console.table(rows);
}

export async function benchCity(): Promise<void> {
  console.log('\nCity desk (docs/city.md): reading SharePoint and writing the consolidation workbook');
  await benchGraph();
  await benchExcel();
}

if (require.main === module) {
  benchCity().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}

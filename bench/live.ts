// Live-validation latency in the Office.js stand-in: from a change event (typing or a paste in a
// 10,000-row 숙의공론장) to the session's updated PaneState, and the syncs each pass costs.
// Run alone with `npx tsx bench/live.ts`; bench/index.ts calls benchLive().
import { ExcelLiveSession } from '../src/excel';
import { installOfficeStandIn } from '../test/standins/office-js';
import { FORUMS, forumRow, forumValues, workbook } from '../test/excel/fixtures';

const SHEET_ROWS = 10_000;
const DEBOUNCE_MS = 150;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x: number) => Math.round(x * 10) / 10;

export async function benchLive(): Promise<void> {
  const standin = installOfficeStandIn(globalThis, workbook(SHEET_ROWS));
  try {
    let eventAt = 0;
    await Excel.run(async (context) => {
      // Registered before the session's handler, so it sees each event first.
      context.workbook.worksheets.getItem(FORUMS).onChanged.add(async () => {
        eventAt = performance.now();
      });
      await context.sync();
    });
    const session = new ExcelLiveSession({ debounceMs: DEBOUNCE_MS });
    let stateAt = 0;
    session.subscribe(() => (stateAt = performance.now()));
    standin.resetStats();
    const t0 = performance.now();
    await session.start();
    const rows: Record<string, string | number>[] = [
      {
        case: `full pass (open), ${SHEET_ROWS} rows`,
        'event→state ms': '–',
        'user edit→state ms': ms(performance.now() - t0),
        'syncs/pass': session.lastPassSyncs,
        requests: standin.stats().requests,
        'largest read (rows)': standin.stats().largestReadRows,
        findings: session.getState().report?.findings.length ?? 0,
      },
    ];
    let round = 0;
    const cases = [
      [1, 7, false],
      [100, 5, false],
      [10_000, 3, false],
      [1, 7, true],
    ] as const;
    for (const [changed, repeats, stamped] of cases) {
      if (stamped) {
        // Restore a valid sheet, stamp it: every pass now also judges the stamp (digests, verdict).
        standin.user.setValues(
          FORUMS,
          `A${forumRow(0)}`,
          Array.from({ length: SHEET_ROWS }, (_, i) => forumValues(i)),
        );
        await standin.settled();
        await session.whenIdle();
        await session.markValidated();
      }
      const eventMs: number[] = [];
      const userMs: number[] = [];
      let syncs = 0;
      let requests = 0;
      let largest = 0;
      for (let k = 0; k < repeats; k++) {
        round++;
        // A quiet moment first: the edit under test is the first of its burst.
        await sleep(DEBOUNCE_MS + 50);
        const values = Array.from({ length: changed }, (_, i) => {
          const v = forumValues(i);
          // Alternate between a bad and a good count so every round changes findings.
          v[9] = (i + round) % 2 ? -1 : 8;
          return v;
        });
        standin.resetStats();
        const start = performance.now();
        standin.user.setValues(FORUMS, `A${forumRow(0)}`, values);
        await standin.settled();
        await session.whenIdle();
        eventMs.push(stateAt - eventAt);
        userMs.push(stateAt - start);
        syncs = session.lastPassSyncs;
        requests = standin.stats().requests;
        largest = standin.stats().largestReadRows;
      }
      rows.push({
        case: `${changed} changed row${changed === 1 ? '' : 's'} of ${SHEET_ROWS}${stamped ? ', stamped workbook' : ''}`,
        'event→state ms': ms(median(eventMs)),
        'user edit→state ms': ms(median(userMs)),
        'syncs/pass': syncs,
        requests,
        'largest read (rows)': largest,
        findings: session.getState().report?.findings.length ?? 0,
      });
    }
    await session.dispose();
    console.log(
      `Live validation in the Office.js stand-in (median; debounce window ${DEBOUNCE_MS} ms, leading edge)`,
    );
    console.table(rows);
    console.log('Targets: one edited row < 100 ms end to end; at most 3 syncs per pass.');
  } finally {
    standin.uninstall();
  }
}

if (require.main === module) {
  benchLive().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  });
}

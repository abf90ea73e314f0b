// The pane's SubmitService over a live-session double: stamp refreshed first, journal and receipt in
// the workbook's settings, refusals explained.
import { validateWorkbook, type Validation } from '../../src/engine';
import { memorySettings } from '../../src/excel/settings';
import { parseConfig } from '../../src/config';
import { settingsStore, JOURNAL_KEY, RECEIPT_LINE_KEY } from '../../src/taskpane/submit/office';
import { createSubmitService } from '../../src/taskpane/submit/service';
import { exampleSnapshot } from './example';
import { KIM, listItems, SITE, startHarness, type Harness } from './harness';
import { session } from './doubles';
import { xlsxOfSnapshot } from '../stamp/xlsx-fixture';

describe('pane submit service', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(() => h.close());

  /** A service over the stand-in where the host cannot hand out the workbook file. */
  const withoutFile = (validation: Validation) =>
    createSubmitService({
      session: session(validation),
      config: parseConfig({ graphRoot: h.standIn.url, site: SITE }),
      tokens: { getToken: async () => KIM },
      store: settingsStore(memorySettings()),
      file: () => null,
    });

  test('refreshes the stamp, submits, keeps journal and receipt in settings (no token anywhere)', async () => {
    const settings = memorySettings();
    const snapshot = exampleSnapshot(25, { seed: 8 });
    const validation = validateWorkbook(snapshot);
    const s = session(validation);
    // The workbook's own bytes: what goes up is its name-free copy (test/submission/name-free.test.ts).
    const xlsx = await xlsxOfSnapshot(snapshot);
    const service = createSubmitService({
      session: s,
      config: parseConfig({ graphRoot: h.standIn.url, site: SITE }),
      tokens: { getToken: async () => KIM },
      store: settingsStore(settings),
      file: () => ({ name: 'w.xlsx', bytes: async () => xlsx }),
    });
    const progress: string[] = [];
    const outcome = await service.submit({
      signal: new AbortController().signal,
      onProgress: (p) => progress.push(p.phase),
    });
    expect(service.uploadsWorkbook).toBe(true);
    expect(outcome.ok).toBe(true);
    expect(s.stamped).toBe(1);
    expect(progress[0]).toBe('checking');
    expect(progress).toContain('rows');
    expect(listItems(h.standIn, 'Forums')).toHaveLength(25);
    expect(await service.lastReceipt()).toMatchObject({ value: { rowCount: 25 }, problem: null });
    expect(await service.pending()).toEqual({ value: null, problem: null });
    expect(settings.load<string>(RECEIPT_LINE_KEY)).toContain('25행 rows');
    expect(JSON.stringify(settings.load(JOURNAL_KEY))).not.toContain(KIM);
    expect(h.standIn.sites()[0].files).toHaveLength(1);
  });

  test('a workbook with errors is refused before anything is sent', async () => {
    const snapshot = exampleSnapshot(5, { seed: 9 });
    snapshot.sheets[1].rows[3][0] = { value: 'x' };
    const validation = validateWorkbook(snapshot);
    const service = withoutFile(validation);
    h.standIn.resetStats();
    const outcome = await service.submit({
      signal: new AbortController().signal,
      onProgress: () => undefined,
    });
    expect(outcome).toMatchObject({ ok: false, cancelled: false });
    if (!outcome.ok) expect(outcome.problem.en).toMatch(/error/);
    expect(h.standIn.stats().requests).toBe(0);
  });

  test('a host that cannot hand out the file: rows submitted, no upload, the receipt has no file', async () => {
    const validation = validateWorkbook(exampleSnapshot(6, { seed: 10 }));
    const service = withoutFile(validation);
    expect(service.uploadsWorkbook).toBe(false);
    const outcome = await service.submit({
      signal: new AbortController().signal,
      onProgress: () => undefined,
    });
    expect(outcome).toMatchObject({ ok: true, receipt: { rowCount: 6, fileUrl: null } });
    expect(listItems(h.standIn, 'Forums')).toHaveLength(6);
    expect(h.standIn.sites()[0].files).toHaveLength(0);
  });
});

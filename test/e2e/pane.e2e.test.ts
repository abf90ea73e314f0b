import type { Page } from 'playwright-core';
import { strings } from '../../src/taskpane/strings';
import { newestStandard } from '../../src/standard';
import { exampleWorkbook } from '../../src/workbook/example';
import { lettersOf, standardLayout } from '../../src/workbook/layout';
import { closeCleanly, openPane, runAxe, waitForReady } from './support/browser';
import type { PaneHarness } from './support/browser';
import { startDistPane, type DistPane } from './support/dist-pane';

// The preview opens the example of the newest standard (devtools/preview/example.ts).
const layout = standardLayout(newestStandard);
const FORUMS = layout.forums.name;
const col = lettersOf(layout.forums);
const firstRow = layout.forums.firstDataRow;
const EXAMPLE_ROWS = 12;

let site: DistPane;
const open: PaneHarness[] = [];

beforeAll(async () => {
  site = await startDistPane();
});

afterAll(async () => {
  await site?.close();
});

afterEach(async () => {
  // Each pane ran under its own CSP (dist/preview's is the production one plus loopback).
  for (const h of open.splice(0)) await closeCleanly(h);
});

async function pane(config: { rows?: number; displayLanguage?: string } = {}): Promise<PaneHarness> {
  const h = await openPane(site.browser, site.server.origin, site.standIn, {
    rows: EXAMPLE_ROWS,
    ...config,
  });
  open.push(h);
  await waitForReady(h.page, config.rows ?? EXAMPLE_ROWS);
  return h;
}

function type(page: Page, address: string, value: unknown): Promise<void> {
  return page.evaluate(
    ([s, a, v]) => window.__standIn?.user.setValues(s as string, a as string, [[v]]),
    [FORUMS, address, value],
  );
}

function fill(page: Page, address: string): Promise<string | null> {
  return page.evaluate(([s, a]) => window.__standIn?.user.fill(s, a) ?? null, [FORUMS, address]);
}

const finding = (address: string) => `li[data-cell="${address}"]`;

/** Waits until the stand-in's selection is exactly `address` on 숙의공론장. */
function selectionAt(page: Page, address: string): Promise<unknown> {
  return page.waitForFunction(
    ([s, a]) => {
      const m = window.__standIn?.model;
      const sheet = m?.findSheet(s);
      const sel = m?.selection;
      const want = /^([A-Z]+)(\d+)$/.exec(a);
      if (!m || !sheet || !sel || !want || sel.sheetId !== sheet.id) return false;
      let column = 0;
      for (const ch of want[1]) column = column * 26 + ch.charCodeAt(0) - 64;
      return (
        sel.box.row === Number(want[2]) - 1 &&
        sel.box.column === column - 1 &&
        sel.box.rowCount === 1 &&
        sel.box.columnCount === 1
      );
    },
    [FORUMS, address],
  );
}

describe('the task pane in Chromium on the Office.js stand-in', () => {
  it('shows a bad count, highlights it, selects it on click, and clears both when fixed', async () => {
    const { page } = await pane();
    await expect(page.locator('li[data-cell]').count()).resolves.toBe(0);
    const cell = `${col.expectedOfficial}${firstRow + 2}`;
    const before = await page.evaluate(([s, a]) => window.__standIn?.user.values(s, a)[0][0], [FORUMS, cell]);

    await type(page, cell, '열둘');
    await page.waitForSelector(finding(cell));
    await expect(page.locator(finding(cell)).first().innerText()).resolves.toContain('열둘');
    await page.waitForFunction(([s, a]) => window.__standIn?.user.fill(s, a) !== null, [FORUMS, cell]);
    // The highlight is a fill; what the user typed stays.
    await expect(
      page.evaluate(([s, a]) => window.__standIn?.user.values(s, a)[0][0], [FORUMS, cell]),
    ).resolves.toBe('열둘');

    await page.locator(finding(cell)).first().getByRole('button').first().click();
    await selectionAt(page, cell);

    await type(page, cell, before);
    await page.waitForSelector(finding(cell), { state: 'detached' });
    await page.waitForFunction(([s, a]) => window.__standIn?.user.fill(s, a) === null, [FORUMS, cell]);
    await expect(fill(page, cell)).resolves.toBeNull();
  });

  it('settles findings and metrics after a 5,000-row paste', async () => {
    const { page } = await pane();
    const keys = layout.forums.columns.filter((c) => !c.computed).map((c) => c.key);
    const rows = exampleWorkbook(newestStandard, { rows: 5000, seed: 7 }).forums.map((r) =>
      layout.forums.columns.map((c) => (c.computed || !keys.includes(c.key) ? null : (r[c.key] ?? null))),
    );
    // One bad row in the middle, so the findings must come through the paste too.
    rows[2500][layout.forums.columns.findIndex((c) => c.key === 'attendedCivilian')] = '-4';
    await page.evaluate(
      ([s, a, v]) => window.__standIn?.user.setValues(s as string, a as string, v as unknown[][]),
      [FORUMS, `A${firstRow}`, rows],
    );
    await waitForReady(page, 5000, 90_000);
    const bad = `${col.attendedCivilian}${firstRow + 2500}`;
    await page.waitForSelector(finding(bad));
    const meetings = page
      .locator('table[data-table] tr[data-row="overall"] td[data-metric="meetings"]')
      .first();
    await expect(meetings.innerText()).resolves.toBe('5,000');
    const rate = await page
      .locator('tr[data-row="overall"] td[data-metric="attendanceRate.total"]')
      .first()
      .innerText();
    expect(rate).toMatch(/^\d{1,3}\.\d%$/);
    // The workbook is 2021.2: its figures are also shown by 단계 and 진행방식, blank rows as 미기재.
    const stage = layout.forums.columns.findIndex((c) => c.key === 'stage');
    const blankStages = rows.filter((r) => r[stage] === null).length;
    expect(blankStages).toBeGreaterThan(0);
    const blank = page.locator(
      'table[data-table="단계별"] tr[data-row="byStage:미기재"] td[data-metric="meetings"]',
    );
    await expect(blank.innerText()).resolves.toBe(blankStages.toLocaleString('ko-KR'));
    await expect(page.locator('table[data-table="진행방식별"]').count()).resolves.toBe(1);
  });

  it('has no axe-core violations, with findings listed', async () => {
    const { page } = await pane();
    await type(page, `${col.type}${firstRow}`, '워크샵');
    await page.waitForSelector(finding(`${col.type}${firstRow}`));
    const violations = await runAxe(page);
    expect(violations).toEqual([]);
  });

  it('works from the keyboard: filter, Enter to go to the first match', async () => {
    const { page } = await pane();
    const cell = `${col.hours}${firstRow + 3}`;
    await type(page, cell, '0');
    await page.waitForSelector(finding(cell));
    const filter = page.getByRole('searchbox');
    await filter.focus();
    await page.keyboard.type(cell);
    await page.keyboard.press('Enter');
    await selectionAt(page, cell);
    await page.keyboard.press('Escape');
    await expect(filter.inputValue()).resolves.toBe('');
  });

  it('ignores Enter in the filter while an IME is composing', async () => {
    const { page } = await pane();
    const composing = `${col.hours}${firstRow + 1}`;
    const typed = `${col.hours}${firstRow + 4}`;
    await type(page, composing, '0');
    await type(page, typed, '0');
    await page.waitForSelector(finding(typed));
    await page.waitForSelector(finding(composing));
    // Record every selection the add-in makes, in order.
    await page.evaluate(() => {
      const model = window.__standIn?.model as unknown as { selection: unknown; __history: unknown[] };
      let current = model.selection;
      model.__history = [];
      Object.defineProperty(model, 'selection', {
        get: () => current,
        set: (v) => {
          current = v;
          model.__history.push(v);
        },
      });
    });
    const filter = page.getByRole('searchbox');
    await filter.fill(composing);
    // Enter that confirms a Korean syllable: the browser marks it isComposing (keyCode 229).
    await filter.evaluate((el) =>
      el.dispatchEvent(
        new KeyboardEvent('keydown', { key: 'Enter', keyCode: 229, isComposing: true, bubbles: true }),
      ),
    );
    await filter.fill(typed);
    await filter.press('Enter');
    await selectionAt(page, typed);
    const history = await page.evaluate(() =>
      (window.__standIn?.model as unknown as { __history: { box: { row: number } }[] }).__history.map(
        (s) => s.box.row + 1,
      ),
    );
    expect(history).toEqual([firstRow + 4]);
  });

  it('offers the fix for a near-miss forum type and applies it', async () => {
    const { page } = await pane();
    const cell = `${col.type}${firstRow + 1}`;
    await type(page, cell, '워크샵');
    const fixButton = page
      .locator(finding(cell))
      .getByRole('button', { name: strings.fixAria(cell, '워크숍').ko });
    await fixButton.click();
    await page.waitForSelector(finding(cell), { state: 'detached' });
    await expect(
      page.evaluate(([s, a]) => window.__standIn?.user.values(s, a)[0][0], [FORUMS, cell]),
    ).resolves.toBe('워크숍');
  });

  it('renders cell text as text: markup in a cell is shown, never run', async () => {
    const h = await pane();
    const payload = '<img src=x onerror=alert(1)>';
    const cell = `${col.type}${firstRow}`;
    await type(h.page, cell, payload);
    await h.page.waitForSelector(finding(cell));
    await expect(h.page.locator(finding(cell)).first().innerText()).resolves.toContain(payload);
    await expect(h.page.locator('img').count()).resolves.toBe(0);
    expect(h.dialogs).toEqual([]);
  });

  it('marks an error-free workbook as validated and then shows how many rows changed', async () => {
    const { page } = await pane();
    const mark = page.getByRole('button', { name: strings.markValidated.ko, exact: true });
    await expect(mark.getAttribute('aria-disabled')).resolves.not.toBe('true');
    await mark.click();
    await page.waitForSelector('[data-stamp="valid"]');
    await type(page, `${col.hours}${firstRow + 1}`, 4);
    await page.waitForSelector('[data-stamp="changed"]');
    await expect(page.locator('[data-stamp="changed"]').innerText()).resolves.toContain(
      strings.stampChanged('1').ko.split('.')[0],
    );
  });

  it('keeps "Mark as validated" off while errors exist, and says why', async () => {
    const { page } = await pane();
    await type(page, `${col.attendedOfficial}${firstRow}`, -2);
    await page.waitForSelector('[role="status"][data-errors="1"]');
    const mark = page.getByRole('button', { name: strings.markValidated.ko, exact: true });
    await expect(mark.getAttribute('aria-disabled')).resolves.toBe('true');
    await expect(page.locator('#mark-reason').innerText()).resolves.toBe(strings.markBlockedErrors('1').ko);
  });

  it('speaks English when Office’s display language is not Korean', async () => {
    const { page } = await pane({ displayLanguage: 'en-US' });
    await expect(page.locator('h1').innerText()).resolves.toBe(strings.title.en);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
  });
});

describe('the task pane outside Excel', () => {
  it('says in Korean and English that it must be opened in Excel', async () => {
    const h = await openPane(site.browser, site.server.origin, null);
    await h.page.waitForSelector('[data-status="no-host"]');
    const text = await h.page.locator('body').innerText();
    expect(text).toContain(strings.noHostTitle.ko);
    expect(text).toContain(strings.noHostTitle.en);
    expect(h.blocked).toContain('https://appsforoffice.microsoft.com/lib/1/hosted/office.js');
    await expect(runAxe(h.page)).resolves.toEqual([]);
    expect(h.cspViolations).toEqual([]);
    await h.page.context().close();
  });
});

// The pane's offer to upgrade a 2021.1 workbook, in Chromium on the built pane: shown only for an
// older version, confirmed in a dialog that says what changes (cancel writes nothing), then the
// workbook is 2021.2 with its values where they were and the offer gone.
import type { Page } from 'playwright-core';
import { strings } from '../../src/taskpane/strings';
import { standard2021_1 } from '../../src/standard/2021.1';
import { standardLayout } from '../../src/workbook/layout';
import { closeCleanly, openPane, waitForReady, type PaneHarness } from './support/browser';
import { startDistPane, type DistPane } from './support/dist-pane';

const layout = standardLayout(standard2021_1);
const FORUMS = layout.forums.name;
const HEADER = layout.forums.headerRow;
const ROWS = 6;
const s = strings.upgrade;

let site: DistPane;
const open: PaneHarness[] = [];
beforeAll(async () => {
  site = await startDistPane();
});
afterAll(async () => {
  await site?.close();
});
afterEach(async () => {
  for (const h of open.splice(0)) await closeCleanly(h);
});

async function pane(config: { standard?: string; displayLanguage?: string } = {}): Promise<Page> {
  const h = await openPane(site.browser, site.server.origin, site.standIn, { rows: ROWS, ...config });
  open.push(h);
  await waitForReady(h.page, ROWS);
  return h.page;
}

const forumCells = (page: Page, address: string) =>
  page.evaluate(([sheet, a]) => window.__standIn!.user.values(sheet, a), [FORUMS, address]);

describe('upgrading the standard version from the pane', () => {
  it('offers 2021.2 for a 2021.1 workbook; cancel writes nothing; confirm upgrades keeping the data', async () => {
    const page = await pane({ standard: '2021.1' });
    const offer = page.locator('[data-upgrade="2021.2"]');
    await expect(offer.innerText()).resolves.toContain(s.title('2021.1').ko);
    const data = await forumCells(page, `A${HEADER}:M${HEADER + ROWS}`);

    await page.getByRole('button', { name: s.button('2021.2').ko }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.innerText()).resolves.toContain(s.columns('단계, 진행방식, 관련 의제', '비고').ko);
    await expect(dialog.innerText()).resolves.toContain('성과공유회');
    await dialog.getByRole('button', { name: s.cancel.ko }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect(forumCells(page, `N${HEADER}`)).resolves.toEqual([[null]]);

    await page.getByRole('button', { name: s.button('2021.2').ko }).click();
    await page.getByRole('dialog').getByRole('button', { name: s.confirm.ko }).click();
    await offer.waitFor({ state: 'detached' });
    await waitForReady(page, ROWS);
    await expect(forumCells(page, `N${HEADER}:P${HEADER}`)).resolves.toEqual([
      ['단계', '진행방식', '관련 의제'],
    ]);
    await expect(forumCells(page, `A${HEADER}:M${HEADER + ROWS}`)).resolves.toEqual(data);
    await expect(page.locator('[role="status"]').getAttribute('data-errors')).resolves.toBe('0');
  });

  it('says it in English too, and offers nothing for a 2021.2 workbook', async () => {
    const en = await pane({ standard: '2021.1', displayLanguage: 'en-US' });
    await en.getByRole('button', { name: s.button('2021.2').en }).click();
    await expect(en.getByRole('dialog').innerText()).resolves.toContain(s.undo.en);
    await en.getByRole('dialog').getByRole('button', { name: s.cancel.en }).click();
    const current = await pane();
    await expect(current.locator('[data-upgrade]').count()).resolves.toBe(0);
  });
});

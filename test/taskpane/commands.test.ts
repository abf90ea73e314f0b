// The ribbon commands run against the Office.js stand-in: they do the work through src/excel and
// always complete the event, even when Excel is missing.
import { exampleInitialWorkbook } from '../../devtools/preview/example';
import { insertStandardSheets, validateNow } from '../../src/commands/commands';
import { standard2021_1 } from '../../src/standard/2021.1';
import { lettersOf, standardLayout } from '../../src/workbook/layout';
import { installOfficeStandIn } from '../standins/office-js';
import type { OfficeStandIn } from '../standins/office-js';

const layout = standardLayout(standard2021_1);
const FORUMS = standard2021_1.sheets.forums.name;

let standIn: OfficeStandIn | null = null;
afterEach(() => {
  standIn?.uninstall();
  standIn = null;
});

function commandEvent() {
  return { completed: jest.fn(), source: { id: 'test' } } as unknown as Office.AddinCommands.Event & {
    completed: jest.Mock;
  };
}

describe('ribbon commands', () => {
  it('validate now highlights a bad cell and completes the event once', async () => {
    standIn = installOfficeStandIn(globalThis, exampleInitialWorkbook({ rows: 6 }));
    const cell = `${lettersOf(layout.forums).attendedCivilian}${layout.forums.firstDataRow + 1}`;
    standIn.user.setValues(FORUMS, cell, [['-3']]);
    await standIn.settled();
    const event = commandEvent();
    await validateNow(event);
    expect(event.completed).toHaveBeenCalledTimes(1);
    expect(standIn.user.fill(FORUMS, cell)).not.toBeNull();
    // What the user typed stays.
    expect(standIn.user.values(FORUMS, cell)[0][0]).toBe(-3);
  });

  it('insert standard sheets adds the missing sheets to an empty workbook and completes the event', async () => {
    standIn = installOfficeStandIn(globalThis, { sheets: [{ name: 'Sheet1', rows: [['keep me']] }] });
    const event = commandEvent();
    await insertStandardSheets(event);
    expect(event.completed).toHaveBeenCalledTimes(1);
    const names = standIn.user.sheetNames();
    for (const s of Object.values(standard2021_1.sheets)) expect(names).toContain(s.name);
    expect(standIn.user.values('Sheet1', 'A1')[0][0]).toBe('keep me');
  });

  it('completes the event even when Excel is not there', async () => {
    const event = commandEvent();
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    await validateNow(event);
    await insertStandardSheets(event);
    expect(event.completed).toHaveBeenCalledTimes(2);
    error.mockRestore();
    warn.mockRestore();
  });
});

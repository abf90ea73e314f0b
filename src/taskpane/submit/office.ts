// The submit panel's workbook side: the journal and the receipt in the workbook's document settings
// (through src/excel/settings), handed back unchecked — the service reads them through their
// schemas (src/submission/stored.ts); the workbook's bytes come from src/excel/file.
import { documentSettings, type DocumentSettings } from '../../excel/settings';
import { receiptLine } from '../../submission/receipt';
import type { PaneSubmissionStore } from './service';

export const JOURNAL_KEY = 'delib.submission.journal';
export const RECEIPT_KEY = 'delib.submission.receipt';
/** A one-line receipt the Excel side can show on 요약 (text only). */
export const RECEIPT_LINE_KEY = 'delib.submission.receiptLine';

export function settingsStore(settings: DocumentSettings = documentSettings()): PaneSubmissionStore {
  return {
    load: async () => settings.load<unknown>(JOURNAL_KEY),
    save: (journal) => settings.save(JOURNAL_KEY, journal),
    receipt: () => settings.load<unknown>(RECEIPT_KEY),
    async saveReceipt(r) {
      await settings.save(RECEIPT_KEY, r);
      await settings.save(RECEIPT_LINE_KEY, receiptLine(r));
    },
  };
}

// The submit panel's Office side, kept small: the journal and the receipt in the workbook's document
// settings (through src/excel/settings), and the workbook's bytes through getFileAsync. The file
// reader is Office.js outside src/excel — a deliberate, contained deviation (src/excel has no file
// reader; see docs/sharepoint.md); everything else reaches Excel through the live session.
import { documentSettings, type DocumentSettings } from '../../excel/settings';
import type { Journal, Receipt, SubmissionStore, WorkbookFile } from '../../submission/types';
import { receiptLine } from '../../submission/receipt';

export const JOURNAL_KEY = 'delib.submission.journal';
export const RECEIPT_KEY = 'delib.submission.receipt';
/** A one-line receipt the Excel side can show on 요약 (text only). */
export const RECEIPT_LINE_KEY = 'delib.submission.receiptLine';

export function settingsStore(settings: DocumentSettings = documentSettings()): SubmissionStore & {
  receipt(): Receipt | null;
  saveReceipt(r: Receipt): Promise<void>;
} {
  return {
    load: async () => settings.load<Journal>(JOURNAL_KEY),
    save: (journal) => settings.save(JOURNAL_KEY, journal),
    receipt: () => settings.load<Receipt>(RECEIPT_KEY),
    async saveReceipt(r) {
      await settings.save(RECEIPT_KEY, r);
      await settings.save(RECEIPT_LINE_KEY, receiptLine(r));
    },
  };
}

const SLICE = 4 * 1024 * 1024;

function getFile(): Promise<Office.File> {
  return new Promise((resolve, reject) =>
    Office.context.document.getFileAsync(Office.FileType.Compressed, { sliceSize: SLICE }, (r) =>
      r.status === Office.AsyncResultStatus.Succeeded ? resolve(r.value) : reject(new Error(r.error.message)),
    ),
  );
}

function getSlice(file: Office.File, index: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) =>
    file.getSliceAsync(index, (r) =>
      r.status === Office.AsyncResultStatus.Succeeded
        ? resolve(new Uint8Array(r.value.data as number[]))
        : reject(new Error(r.error.message)),
    ),
  );
}

/** The open workbook as .xlsx bytes, or null where the host cannot give the file (then no upload). */
export function officeWorkbookFile(name: string): WorkbookFile | null {
  if (typeof Office === 'undefined' || typeof Office.context?.document?.getFileAsync !== 'function')
    return null;
  return {
    name,
    async bytes() {
      const file = await getFile();
      try {
        const parts: Uint8Array[] = [];
        for (let i = 0; i < file.sliceCount; i++) parts.push(await getSlice(file, i));
        const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
        let at = 0;
        for (const p of parts) {
          out.set(p, at);
          at += p.length;
        }
        return out;
      } finally {
        // Office allows few open files per document: always close, even after a failed slice.
        file.closeAsync();
      }
    },
  };
}

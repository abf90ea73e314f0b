// The open workbook as .xlsx bytes, for the upload beside a submission. getFileAsync hands the file
// out in slices; Office allows few open files per document, so the file is always closed.
import type { WorkbookFile } from '../submission/types';

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
        file.closeAsync();
      }
    },
  };
}

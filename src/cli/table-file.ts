// A table file (.csv, .md) read whole, so its size is checked first (docs/cli.md "Limits"): the
// summary check's tables and the district register read through here.
import { promises as fs } from 'node:fs';
import { XlsxReadError } from '../xlsx/errors';
import { XLSX_LIMITS, limitError } from '../xlsx/limits';

export async function readTableFileBytes(file: string): Promise<Buffer> {
  try {
    const { size } = await fs.stat(file);
    if (size > XLSX_LIMITS.tableFileBytes) throw limitError.tableFile(file, size);
    return await fs.readFile(file);
  } catch (e) {
    if (e instanceof XlsxReadError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new XlsxReadError(code === 'ENOENT' ? 'missing' : 'unreadable', file, e);
  }
}

// Writing a command's text result: to --out (a CSV with the byte-order mark Excel needs to read it
// as Korean text) or to stdout.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { CliIO } from './command';

export async function emit(text: string, out: string | undefined, io: CliIO, bom = false): Promise<void> {
  if (!out) {
    io.out(text);
    return;
  }
  // Excel opens a UTF-8 CSV as Korean text only with the byte-order mark.
  await fs.writeFile(path.resolve(io.cwd, out), (bom ? '\uFEFF' : '') + text, 'utf8');
}

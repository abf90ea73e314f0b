// Headless LibreOffice as the real formula engine the formula tests recalculate with: one start for
// all files, a private profile so parallel runs share no lock. Files written without cached results
// come back with every formula computed by LibreOffice.
import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';

/** The LibreOffice binary, or undefined where it is not installed (the tests then skip, saying so). */
export const soffice = ['soffice', 'libreoffice'].find((bin) => spawnSync('which', [bin]).status === 0);

/** Recalculates `files` into `dir/<into>` (default `out`), which it returns; the profile is in `dir`. */
export function recalculate(dir: string, files: string[], into = 'out'): string {
  const out = path.join(dir, into);
  execFileSync(
    soffice!,
    [
      `-env:UserInstallation=file://${path.join(dir, 'profile')}`,
      '--headless',
      '--convert-to',
      'xlsx',
      '--outdir',
      out,
      ...files,
    ],
    { stdio: 'pipe', timeout: 110_000 },
  );
  return out;
}

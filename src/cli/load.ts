// Reading and validating the files named on the command line. A file that cannot be read gets one
// bilingual line on stderr and the others go on (issue 2, item 6).
import path from 'node:path';
import type { CliIO } from './command';
import { validateWorkbook, type Validation, type ValidationReport } from '../engine';
import { onlySheets, readWorkbookFile } from '../xlsx/read';
import { describeError } from './errors';
import type { Standard } from '../standard/types';
import { registry } from '../standard';
import { sheetKey } from '../engine/text';

/**
 * A report prints at most this many findings, errors first (`stats` keeps the exact counts): a
 * workbook with more needs fixing, not reading, and the output of any file stays small.
 */
export const FINDINGS_SHOWN = 1_000;

/** The report as the CLI publishes it; `findingsOmitted` only when findings were left out. */
export type PublishedReport = ValidationReport & { findingsOmitted?: number };

export interface Loaded {
  file: string;
  validation: Validation;
  report: PublishedReport;
}

/**
 * Council members' names never leave the workbook. The engine does not put them in findings; this
 * makes sure of it at the last door, for every output the CLI writes.
 */
export function withoutNames(report: ValidationReport, standard: Standard): ValidationReport {
  const council = sheetKey(standard.sheets.council.name);
  const personal = new Set(standard.sheets.council.columns.filter((c) => c.personal).map((c) => c.key));
  return {
    ...report,
    findings: report.findings.map((f) => {
      if (
        f.sheet === null ||
        sheetKey(f.sheet) !== council ||
        f.field === null ||
        !personal.has(f.field) ||
        f.value === null
      )
        return f;
      const hidden = String(f.value);
      const hide = (s: string) => (hidden ? s.split(hidden).join('…') : s);
      return { ...f, value: null, message: { ko: hide(f.message.ko), en: hide(f.message.en) } };
    }),
  };
}

/**
 * The sheets whose cells the CLI reads: the standard's. Every other sheet is still listed, with its
 * name and visibility, but its cells are never inflated.
 */
export function standardSheets(): (name: string) => boolean {
  return onlySheets(
    registry.versions.flatMap((standard) => Object.values(standard.sheets).map((s) => s.name)),
  );
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** The report as the CLI publishes it: `file` first, as the documented JSON shape lists it. */
function published(file: string, validation: Validation): PublishedReport {
  const { report } = validation;
  const all = report.findings;
  const findings =
    all.length <= FINDINGS_SHOWN
      ? all
      : all
          .map((f, i) => ({ f, i }))
          .sort((a, b) => SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] || a.i - b.i)
          .slice(0, FINDINGS_SHOWN)
          .map(({ f }) => f);
  const { file: _ignored, ...rest } = withoutNames({ ...report, findings }, validation.standard);
  const out: PublishedReport = { file, ...rest };
  if (all.length > FINDINGS_SHOWN) out.findingsOmitted = all.length - FINDINGS_SHOWN;
  return out;
}

export async function loadFiles(files: string[], io: CliIO): Promise<{ loaded: Loaded[]; failed: string[] }> {
  const loaded: Loaded[] = [];
  const failed: string[] = [];
  for (const file of files) {
    try {
      const { snapshot } = await readWorkbookFile(path.resolve(io.cwd, file), { sheets: standardSheets() });
      const validation = validateWorkbook(snapshot);
      loaded.push({ file, validation, report: published(file, validation) });
    } catch (e) {
      const { ko, en } = describeError(e);
      // Read errors already name the (absolute) path; show the name the user typed.
      const strip = (s: string) => s.replace(path.resolve(io.cwd, file) + ': ', '');
      io.err(`✗ ${file}: ${strip(ko)} / ${strip(en)}\n`);
      failed.push(file);
    }
  }
  return { loaded, failed };
}

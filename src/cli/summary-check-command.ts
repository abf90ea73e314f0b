// `delib summary --check FILE`: reads a consolidated table from .xlsx, .csv or .md and reports the
// rows whose figures contradict each other (summary-inconsistent).
import path from 'node:path';
import type { CliIO } from './command';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from './command';
import { describeError } from './errors';
import { checkSummaryTable } from '../engine/summary-check';
import type { Finding } from '../engine';
import type { WorkbookSnapshot } from '../engine/snapshot';
import { readWorkbookFile } from '../xlsx/read';
import { readTableFileBytes } from './table-file';
import { parseCsv, parseMarkdownTable, textRowsToSnapshot } from '../workbook/text-table';
import { newestStandard } from '../standard';
import { sheetKey } from '../engine/text';
import { findingLine } from './report-text';
import type { Lang } from './format';

export interface CheckReport {
  file: string;
  standard: string;
  valid: boolean;
  tables: { sheet: string; headerRow: number; rows: number }[];
  stats: { rows: number; errors: number; warnings: number; infos: number };
  findings: Finding[];
}

export async function snapshotOfTableFile(file: string): Promise<WorkbookSnapshot> {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.csv' || ext === '.md' || ext === '.markdown' || ext === '.txt') {
    const text = (await readTableFileBytes(file)).toString('utf8');
    const rows = ext === '.csv' ? parseCsv(text) : parseMarkdownTable(text);
    return textRowsToSnapshot(path.basename(file), rows);
  }
  return (await readWorkbookFile(file)).snapshot;
}

export async function runCheck(file: string, mode: 'text' | 'json', lang: Lang, io: CliIO): Promise<number> {
  let snapshot: WorkbookSnapshot;
  try {
    snapshot = await snapshotOfTableFile(path.resolve(io.cwd, file));
  } catch (e) {
    const { ko, en } = describeError(e);
    const strip = (s: string) => s.replace(path.resolve(io.cwd, file) + ': ', '');
    io.err(`✗ ${file}: ${strip(ko)} / ${strip(en)}\n`);
    return EXIT_USAGE;
  }
  const check = checkSummaryTable(snapshot);
  if (check.tables.length === 0) {
    const headers = newestStandard.summaryTable.columns.map((c) => c.header).join(', ');
    io.err(
      `✗ ${file}: 집계표를 찾을 수 없습니다(머리글: ${headers}) / no consolidated table found (headers: ${headers})\n`,
    );
    return EXIT_USAGE;
  }
  const count = (s: Finding['severity']) => check.findings.filter((f) => f.severity === s).length;
  const report: CheckReport = {
    file,
    standard: newestStandard.version,
    valid: count('error') === 0,
    tables: check.tables,
    stats: {
      rows: check.tables.reduce((s, t) => s + t.rows, 0),
      errors: count('error'),
      warnings: count('warning'),
      infos: count('info'),
    },
    findings: check.findings,
  };
  if (mode === 'json') {
    io.out(JSON.stringify(report, null, 2) + '\n');
  } else {
    const labels = new Map(
      newestStandard.summaryTable.columns.flatMap((c) =>
        check.tables.map((t) => [`${sheetKey(t.sheet)}/${c.metric}`, c.header] as [string, string]),
      ),
    );
    const where = check.tables.map((t) => `${t.sheet}!${t.headerRow}`).join(', ');
    io.out(
      lang === 'ko'
        ? `${file} — 집계표 ${where}행 머리글, ${report.stats.rows}행 · 불일치 ${report.stats.errors}건\n`
        : `${file} — consolidated table with headers at ${where}, ${report.stats.rows} rows · ${report.stats.errors} inconsistencies\n`,
    );
    for (const f of check.findings) io.out(findingLine(f, labels, lang) + '\n');
  }
  return report.valid ? EXIT_OK : EXIT_FINDINGS;
}

// `delib verify FILE... [--sharepoint] [--lang ko|en] [--format text|json]`: may the workbook's
// validation stamp vouch for its data? The data is read and validated again (the verdict's numbers
// are the data's, the stamp's are shown as its claims), the stamp's hash and digests compared, its
// standard and engine checked, and what the workbook shows elsewhere (document properties, the 요약
// line) compared with the stamp part — the same verdict the Excel pane shows. With --sharepoint the
// data's hash is looked up in the city's Submissions list (verify-sharepoint.ts): who submitted it
// and when, as SharePoint recorded it, and whether that submitter is on the district register.
// Exit: 0 every file valid (and, with --sharepoint, matching a current submission by a registered
// submitter), 1 otherwise, 2 usage error or unreadable file, 3 SharePoint could not be asked.
import path from 'node:path';
import type { CommandRunner } from '../command';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError } from '../command';
import { describeError, parseCommandLine } from '../errors';
import { parseLang, parseReportFormat } from '../options';
import { validateWorkbook, type Validation } from '../../engine';
import { findSheet } from '../../engine/locate';
import { openXlsxFile, readWorkbook } from '../../xlsx/read';
import { standardSheets } from '../load';
import { readCustomProperties, readStampFromXlsx } from '../../xlsx/stamp';
import { checkStamp, stampLinesIn, type StampVerdict } from '../../stamp';
import { describeVerdict } from '../../stamp/describe';
import type { Text } from '../../standard/types';
import type { Lang } from '../format';
import { cityCheckLines, isCityConfirmed, type CityCheck } from '../../city/verify';
import { EXIT_SHAREPOINT, sharepointOptions, sharepointVerifier } from '../verify-sharepoint';

export interface VerifyResult {
  file: string;
  verdict: StampVerdict;
  /** With --sharepoint: what the city's Submissions list holds for this data. */
  sharepoint?: CityCheck;
}

/** Reads the data, the stamp part and the stamp's shown forms from one archive, read once. */
async function verifyFile(
  file: string,
  cwd: string,
): Promise<{ verdict: StampVerdict; validation: Validation }> {
  const archive = await openXlsxFile(path.resolve(cwd, file), file);
  let snapshot, stored, properties;
  try {
    ({ snapshot } = await readWorkbook(archive, { sheets: standardSheets() }));
    stored = await readStampFromXlsx(archive);
    properties = await readCustomProperties(archive);
  } finally {
    await archive.close();
  }
  const validation = validateWorkbook(snapshot);
  const summary = findSheet(snapshot, validation.standard.sheets.summary.name);
  const shown = { properties, summaryLines: summary ? stampLinesIn(summary.rows) : null };
  return { verdict: checkStamp(stored, validation, shown), validation };
}

function textOf(r: VerifyResult, lang: Lang): string {
  const other: Lang = lang === 'ko' ? 'en' : 'ko';
  const v = describeVerdict(r.verdict);
  const lines = [`${r.file}: ${v.headline[lang]}`];
  if (v.data) lines.push(`  ${v.data[lang]}`);
  if (v.claims) lines.push(`  ${v.claims[lang]}`);
  // The reasons are said in both languages: they are what a reviewer acts on.
  const both = (t: Text, mark: string) => `  ${mark} ${t[lang]}\n    ${t[other]}`;
  for (const p of v.problems) lines.push(both(p, '✗'));
  if (r.sharepoint) for (const l of cityCheckLines(r.sharepoint)) lines.push(both(l.text, l.ok ? '✓' : '✗'));
  return lines.join('\n') + '\n';
}

export const verifyCommand: CommandRunner = {
  async run(args, io) {
    const { values, positionals } = parseCommandLine(args, {
      options: {
        lang: { type: 'string' },
        format: { type: 'string' },
        sharepoint: { type: 'boolean' },
        ...sharepointOptions,
      },
    });
    const lang = parseLang(values.lang);
    const format = parseReportFormat(values.format);
    if (positionals.length === 0) throw new UsageError('확인할 파일을 지정하세요', 'give at least one file');
    if (!values.sharepoint && (values.config !== undefined || values['graph-root'] !== undefined))
      throw new UsageError(
        '--config와 --graph-root는 --sharepoint와 함께 씁니다',
        '--config and --graph-root go with --sharepoint',
      );
    const city = values.sharepoint ? sharepointVerifier(values, io) : null;
    const results: VerifyResult[] = [];
    let exit = EXIT_OK;
    for (const file of positionals) {
      let checked;
      try {
        checked = await verifyFile(file, io.cwd);
      } catch (e) {
        const { ko, en } = describeError(e);
        io.err(`✗ ${ko} / ${en}\n`);
        exit = Math.max(exit, EXIT_USAGE);
        continue;
      }
      const result: VerifyResult = { file, verdict: checked.verdict };
      if (checked.verdict.status !== 'valid') exit = Math.max(exit, EXIT_FINDINGS);
      if (city) {
        try {
          result.sharepoint = await city.check(checked.validation, checked.verdict.data!.hash!);
          if (!isCityConfirmed(result.sharepoint)) exit = Math.max(exit, EXIT_FINDINGS);
        } catch (e) {
          const { ko, en } = describeError(e);
          io.err(`✗ ${file}: SharePoint — ${ko} / ${en}\n`);
          exit = Math.max(exit, EXIT_SHAREPOINT);
        }
      }
      results.push(result);
    }
    if (format === 'json') {
      if (results.length)
        io.out(JSON.stringify(positionals.length === 1 ? results[0] : results, null, 2) + '\n');
    } else {
      for (const r of results) io.out(textOf(r, lang));
    }
    return exit;
  },
};

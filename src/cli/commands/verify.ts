// `delib verify FILE... [--lang ko|en] [--format text|json]`: is the workbook's validation stamp
// still true of its data? The same verdict the Excel pane shows: valid, changed (N rows) or absent.
// Exit: 0 every file valid, 1 some stamp changed, absent or damaged, 2 usage error or unreadable file.
import path from 'node:path';
import type { CommandRunner } from '../command';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError } from '../command';
import { describeError, parseCommandLine } from '../errors';
import { parseLang, parseReportFormat } from '../options';
import { validateWorkbook } from '../../engine';
import { openXlsxFile, readWorkbook } from '../../xlsx/read';
import { standardSheets } from '../load';
import { readStampFromXlsx } from '../../xlsx/stamp';
import { shortHash, verdictOf } from '../../stamp';
import type { StampVerdict } from '../../session/state';

interface Result {
  file: string;
  verdict: StampVerdict | { status: 'damaged' };
}

function line(r: Result, lang: 'ko' | 'en'): string {
  const v = r.verdict;
  const ko = lang === 'ko';
  if (v.status === 'absent') return ko ? `${r.file}: 검증 표시 없음` : `${r.file}: no validation stamp`;
  if (v.status === 'damaged')
    return ko ? `${r.file}: 검증 표시가 손상되어 읽을 수 없음` : `${r.file}: the validation stamp is damaged`;
  const s = v.stamp;
  const detail = ko
    ? `${s.at}, ${s.by}, 표준 ${s.standard}, 엔진 ${s.engine}, 해시 ${shortHash(s.hash)}, ${s.rows}행`
    : `${s.at}, ${s.by}, standard ${s.standard}, engine ${s.engine}, hash ${shortHash(s.hash)}, ${s.rows} rows`;
  if (v.status === 'valid')
    return ko
      ? `${r.file}: 유효 — 검증 이후 변경 없음 (${detail})`
      : `${r.file}: valid — unchanged since validation (${detail})`;
  return ko
    ? `${r.file}: 검증 이후 변경됨 — ${v.rowsChanged}행이 다름 (${detail})`
    : `${r.file}: changed since validation — ${v.rowsChanged} row${v.rowsChanged === 1 ? '' : 's'} differ (${detail})`;
}

async function verifyFile(file: string, cwd: string): Promise<Result> {
  // One archive for the data and the stamp: the file is never read whole.
  const archive = await openXlsxFile(path.resolve(cwd, file), file);
  let snapshot, stored;
  try {
    ({ snapshot } = await readWorkbook(archive, { sheets: standardSheets() }));
    stored = await readStampFromXlsx(archive);
  } finally {
    await archive.close();
  }
  if (stored.damaged) return { file, verdict: { status: 'damaged' } };
  return { file, verdict: verdictOf(stored.stamp, validateWorkbook(snapshot)) };
}

export const verifyCommand: CommandRunner = {
  async run(args, io) {
    const { values, positionals } = parseCommandLine(args, {
      options: { lang: { type: 'string' }, format: { type: 'string' } },
    });
    const lang = parseLang(values.lang);
    const format = parseReportFormat(values.format);
    if (positionals.length === 0) throw new UsageError('확인할 파일을 지정하세요', 'give at least one file');
    const results: Result[] = [];
    let failed = false;
    for (const file of positionals) {
      try {
        results.push(await verifyFile(file, io.cwd));
      } catch (e) {
        const { ko, en } = describeError(e);
        io.err(`✗ ${ko} / ${en}\n`);
        failed = true;
      }
    }
    if (format === 'json') {
      if (results.length)
        io.out(JSON.stringify(positionals.length === 1 ? results[0] : results, null, 2) + '\n');
    } else {
      for (const r of results) io.out(line(r, lang) + '\n');
    }
    if (failed) return EXIT_USAGE;
    return results.every((r) => r.verdict.status === 'valid') ? EXIT_OK : EXIT_FINDINGS;
  },
};

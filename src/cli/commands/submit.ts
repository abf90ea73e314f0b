// `delib submit FILE...`: what the pane's submit button does, for officers who receive workbooks by
// e-mail. Running the same command again after a crash finishes the job without sending any row
// twice: SharePoint is asked what it holds. The progress journal beside the workbook (or in
// --state-dir) is only a record of how far a run got; nothing in it is trusted. The submitter is the
// signed-in account, as SharePoint records it on the Submissions item, and it must be on the district
// register for the workbook's district (or a city officer, submitting on the district's behalf): the
// one submission flow (src/submission/flow.ts) asks before anything is written.
import { connectGraph } from '../graph-connection';
import fs from 'node:fs';
import path from 'node:path';
import { UsageError, type CliIO, type CommandRunner } from '../command';
import { describeError, parseCommandLine } from '../errors';
import { loadFiles } from '../load';
import { ENGINE_VERSION } from '../../engine';
import { submitWorkbook } from '../../submission/flow';
import { receiptLines } from '../../submission/receipt';
import type { SubmissionStore, SubmitProgress } from '../../submission/types';
import { cityCopyOf } from '../../xlsx/name-free';

export function journalPath(file: string, stateDir: string | undefined): string {
  const dir = stateDir ?? path.dirname(file);
  return path.join(dir, `${path.basename(file)}.delib-submit.json`);
}

/** The journal as a file, replaced atomically so a crash mid-write leaves the previous one intact. */
export function fileStore(file: string): SubmissionStore {
  return {
    async load() {
      try {
        // Progress for people; a journal larger than any real one is not read at all.
        const stat = await fs.promises.stat(file);
        if (stat.size > 64 * 1024) return null;
        return JSON.parse(await fs.promises.readFile(file, 'utf8')) as unknown;
      } catch {
        return null;
      }
    },
    async save(journal) {
      await fs.promises.mkdir(path.dirname(file), { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      await fs.promises.writeFile(tmp, JSON.stringify(journal, null, 1));
      await fs.promises.rename(tmp, file);
    },
  };
}

function progressPrinter(io: CliIO, file: string): (p: SubmitProgress) => void {
  let lastTenth = -1;
  let lastPhase = '';
  return (p) => {
    const tenth = p.rowsTotal > 0 ? Math.floor((p.rowsDone / p.rowsTotal) * 10) : 0;
    if (p.phase === lastPhase && (p.phase !== 'rows' || tenth === lastTenth)) return;
    lastPhase = p.phase;
    lastTenth = tenth;
    io.err(
      `  ${file}: ${p.phase} ${p.rowsDone}/${p.rowsTotal}${p.retries ? ` (재시도/retries ${p.retries})` : ''}\n`,
    );
  };
}

export const submitCommand: CommandRunner = {
  async run(args: string[], io: CliIO): Promise<number> {
    if (args.some((a) => a === '--by' || a.startsWith('--by='))) {
      throw new UsageError(
        '--by 옵션은 없어졌습니다: 제출자는 로그인한 계정이며 SharePoint가 기록합니다.',
        'the --by option is gone: the submitter is the signed-in account, as SharePoint records it.',
      );
    }
    const { values, positionals } = parseCommandLine(args, {
      options: {
        config: { type: 'string' },
        'graph-root': { type: 'string' },
        'state-dir': { type: 'string' },
      },
    });
    if (positionals.length === 0) {
      throw new UsageError('제출할 파일을 지정하세요.', 'name the workbook file(s) to submit.');
    }
    let graph;
    try {
      graph = connectGraph(values, io);
    } catch (e) {
      const { ko, en } = describeError(e);
      io.err(`✗ ${ko} / ${en}\n`);
      return 2;
    }
    const { loaded, failed } = await loadFiles(positionals, io);
    let exit = failed.length > 0 ? 2 : 0;
    const stateDir = values['state-dir'] ? path.resolve(io.cwd, values['state-dir']) : undefined;
    const controller = new AbortController();
    const onSignal = (): void => controller.abort();
    process.once('SIGINT', onSignal);
    try {
      for (const { file, validation } of loaded) {
        const absolute = path.resolve(io.cwd, file);
        try {
          const outcome = await submitWorkbook({
            validation,
            engine: ENGINE_VERSION,
            target: graph.target,
            store: fileStore(journalPath(absolute, stateDir)),
            file: {
              name: path.basename(file),
              bytes: async () => new Uint8Array(await fs.promises.readFile(absolute)),
            },
            // The city gets a copy with every council member's name replaced (docs/sharepoint.md).
            nameFree: cityCopyOf,
            signal: controller.signal,
            onProgress: progressPrinter(io, file),
          });
          if (outcome.ok) {
            io.out(
              `✓ ${file}\n${receiptLines(outcome.receipt)
                .map((l) => `  ${l}\n`)
                .join('')}`,
            );
            for (const note of outcome.notes) io.out(`  • ${note.ko}\n    ${note.en}\n`);
          } else {
            io.err(`✗ ${file}: ${outcome.problem.ko}\n  ${outcome.problem.en}\n`);
            for (const r of outcome.rowProblems) io.err(`  ${r.row}행 / row ${r.row}: ${r.message.en}\n`);
            exit = Math.max(exit, 1);
            if (outcome.cancelled) break;
          }
        } catch (e) {
          const { ko, en } = describeError(e);
          io.err(`✗ ${file}: ${ko} / ${en}\n`);
          exit = Math.max(exit, 1);
        }
      }
    } finally {
      process.removeListener('SIGINT', onSignal);
    }
    return exit;
  },
};

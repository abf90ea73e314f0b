// `delib sharepoint check|provision`: the Submissions and Forums lists, created or repaired
// idempotently; drift an admin must fix by hand is reported, never papered over.
import { connectGraph } from '../graph-connection';
import { UsageError, type CliIO, type CommandRunner } from '../command';
import { describeError, parseCommandLine } from '../errors';
import type { Drift } from '../../graph';

function line(io: CliIO, mark: string, d: Drift): void {
  io.out(`${mark} ${d.message.ko}\n  ${d.message.en}\n`);
}

export const sharepointCommand: CommandRunner = {
  async run(args: string[], io: CliIO): Promise<number> {
    const { values, positionals } = parseCommandLine(args, {
      options: { config: { type: 'string' }, 'graph-root': { type: 'string' } },
    });
    const action = positionals[0];
    if (action !== 'check' && action !== 'provision') {
      throw new UsageError('check 또는 provision을 지정하세요.', 'say check or provision.');
    }
    try {
      const graph = connectGraph(values, io);
      if (action === 'check') {
        const drift = await graph.checkSchema();
        for (const d of drift) line(io, d.blocking ? '✗' : '•', d);
        if (drift.length === 0) io.out('✓ 목록 구조가 표준과 같습니다 / the lists match the schema\n');
        return drift.some((d) => d.blocking) ? 1 : 0;
      }
      const { applied, remaining } = await graph.provision();
      for (const d of applied) line(io, '✓ 고침/fixed:', d);
      for (const d of remaining) line(io, '✗ 관리자 조치 필요/needs an admin:', d);
      if (applied.length === 0 && remaining.length === 0) io.out('✓ 이미 최신입니다 / already up to date\n');
      return remaining.some((d) => d.blocking) ? 1 : 0;
    } catch (e) {
      const { ko, en } = describeError(e);
      io.err(`✗ ${ko} / ${en}\n`);
      return 2;
    }
  },
};

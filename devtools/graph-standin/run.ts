// `npx tsx devtools/graph-standin/run.ts [--port 4321] [--data DIR] [--latency MS] [--budget RU]
// [--clock-scale N]`: the stand-in `npm start` runs so a newcomer can submit with no tenant.
import path from 'node:path';
import { startGraphStandIn } from './server';

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

async function main(args: string[]): Promise<void> {
  const port = Number(option(args, '--port') ?? process.env.DELIB_GRAPH_STANDIN_PORT ?? 4321);
  const dataDir = path.resolve(option(args, '--data') ?? path.join(process.cwd(), '.graph-standin'));
  const standIn = await startGraphStandIn({
    port,
    dataDir,
    latencyMs: Number(option(args, '--latency') ?? 0),
    budgetPerMinute: Number(option(args, '--budget') ?? 0) || null,
    clockScale: Number(option(args, '--clock-scale') ?? 1),
  });
  process.stdout.write(
    `Graph stand-in: ${standIn.url} (data: ${dataDir})\n` +
      'Graph 대체 서버가 실행 중입니다 / running — Ctrl+C to stop.\n',
  );
  const stop = (): void => {
    void standIn.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main(process.argv.slice(2)).catch((e: unknown) => {
  process.stderr.write(
    `Graph stand-in could not start / 시작하지 못했습니다: ${e instanceof Error ? e.message : String(e)}\n`,
  );
  process.exit(1);
});

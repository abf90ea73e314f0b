// `npx tsx devtools/graph-standin/run.ts [--port 4321] [--data DIR] [--latency MS] [--budget RU]
// [--no-rate-limit-headers] [--clock-scale N] [--users FILE] [--config FILE] [--no-provision]`: the
// stand-in `npm start` runs so a newcomer can submit with no tenant. `--users FILE` is a JSON object
// `{ "<token>": { "id", "userPrincipalName", "displayName", "groups"? } }`; without it the users are
// the demo people of demo-register.ts — the development token's (what the pane and the CLI send to a
// loopback Graph with no Entra app), a city officer, another district officer and an outsider — and
// an empty Districts list gets the demo register.
import fs from 'node:fs';
import path from 'node:path';
import { startGraphStandIn } from './server';
import { parseUsers, type UserTable } from './users';
import { DEMO_USERS, demoRegister } from './demo-register';
import { writeRegister } from '../../src/graph/districts';
import { DISTRICT_COLUMNS } from '../../src/graph/schema';
import { createGraphSubmission } from '../../src/graph';
import { loadNodeConfig } from '../../src/graph/node-config';
import { newestStandard } from '../../src/standard';

/**
 * Creates the lists the deployed config names (idempotent), so a newcomer's first submission from
 * `npm start` works with no admin step; `--no-provision` leaves the stand-in empty.
 */
async function provisionFor(url: string, configFile: string | undefined, token: string): Promise<string> {
  // The same lookup as the CLI (--config, DELIB_CONFIG, else the package's config/delib.config.json
  // found upwards from here).
  const config = loadNodeConfig({ file: configFile, graphRoot: url, cwd: process.cwd(), env: process.env });
  const graph = createGraphSubmission({
    config,
    tokens: { getToken: async () => token },
    standard: newestStandard,
  });
  const { remaining } = await graph.provision();
  if (remaining.length > 0) throw new Error(remaining.map((d) => d.message.en).join('; '));
  // Nobody may submit without a register: a fresh stand-in gets the demo one (a kept one is kept).
  if ((await graph.site.allItems('districts', [DISTRICT_COLUMNS.code])).length === 0)
    await writeRegister(graph.site, demoRegister());
  return `${config.site.hostname}${config.site.path}`;
}

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

async function main(args: string[]): Promise<void> {
  const port = Number(option(args, '--port') ?? process.env.DELIB_GRAPH_STANDIN_PORT ?? 4321);
  const dataDir = path.resolve(option(args, '--data') ?? path.join(process.cwd(), '.graph-standin'));
  const usersFile = option(args, '--users');
  const users: UserTable = usersFile ? parseUsers(fs.readFileSync(usersFile, 'utf8')) : DEMO_USERS;
  const standIn = await startGraphStandIn({
    port,
    dataDir,
    latencyMs: Number(option(args, '--latency') ?? 0),
    budgetPerMinute: Number(option(args, '--budget') ?? 0) || null,
    rateLimitHeaders: !args.includes('--no-rate-limit-headers'),
    clockScale: Number(option(args, '--clock-scale') ?? 1),
    users,
  });
  const configFile = option(args, '--config');
  // Provisioning signs in as the first user of the table (the stand-in has no separate admin).
  const adminToken = Object.keys(users)[0];
  const site =
    args.includes('--no-provision') || !adminToken
      ? null
      : await provisionFor(standIn.url, configFile, adminToken);
  process.stdout.write(
    `Graph stand-in: ${standIn.url} (data: ${dataDir})${site ? `, lists ready on ${site}` : ''}\n` +
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

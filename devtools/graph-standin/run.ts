// `npx tsx devtools/graph-standin/run.ts [--port 4321] [--data DIR] [--latency MS] [--budget RU]
// [--no-rate-limit-headers] [--clock-scale N] [--users FILE] [--config FILE] [--no-provision]
// [--no-demo]`: the stand-in `npm start` runs so a newcomer can submit, and see the city desk, with no
// tenant. `--users FILE` is a JSON object `{ "<token>": { "id", "userPrincipalName", "displayName",
// "groups"? } }`; without it the users are the demo city's (demo-city.ts, on demo-register.ts's
// people): the development token's user (what the pane and the CLI send to a loopback Graph with no
// Entra app, a district officer and a city officer), a city officer, district officers, an outsider.
// Empty lists get the demo city — its register and 2020–2021 submissions in every state — made once;
// `--no-demo` gives them only the demo register.
import fs from 'node:fs';
import path from 'node:path';
import { startGraphStandIn } from './server';
import { parseUsers, type UserTable } from './users';
import { demoRegister } from './demo-register';
import { demoUsers, seedDemoCity, settableClock } from './demo-city';
import type { DelibConfig } from '../../src/config';
import { writeRegister } from '../../src/graph/districts';
import { DISTRICT_COLUMNS } from '../../src/graph/schema';
import { createGraphSubmission } from '../../src/graph';
import { loadNodeConfig } from '../../src/graph/node-config';
import { newestStandard } from '../../src/standard';

/**
 * Creates the lists the deployed config names (idempotent), so a newcomer's first submission from
 * `npm start` works with no admin step; `--no-provision` leaves the stand-in empty.
 */
async function provisionFor(
  url: string,
  configFile: string | undefined,
  token: string,
): Promise<{ site: string; config: DelibConfig; empty: boolean }> {
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
  // A kept --data directory keeps its own register and submissions.
  const empty =
    (await graph.site.allItems('districts', [DISTRICT_COLUMNS.code])).length === 0 &&
    (await graph.site.allItems('submissions', ['Title'])).length === 0;
  return { site: `${config.site.hostname}${config.site.path}`, config, empty };
}

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

async function main(args: string[]): Promise<void> {
  const port = Number(option(args, '--port') ?? process.env.DELIB_GRAPH_STANDIN_PORT ?? 4321);
  const dataDir = path.resolve(option(args, '--data') ?? path.join(process.cwd(), '.graph-standin'));
  const usersFile = option(args, '--users');
  const users: UserTable = usersFile ? parseUsers(fs.readFileSync(usersFile, 'utf8')) : demoUsers();
  const clock = settableClock();
  const standIn = await startGraphStandIn({
    now: clock.now,
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
  const provisioned =
    args.includes('--no-provision') || !adminToken
      ? null
      : await provisionFor(standIn.url, configFile, adminToken);
  let demo = '';
  if (provisioned?.empty) {
    // Nobody may submit without a register: fresh lists get the demo city, or just its register.
    if (args.includes('--no-demo') || usersFile) {
      const graph = createGraphSubmission({
        config: provisioned.config,
        tokens: { getToken: async () => adminToken },
        standard: newestStandard,
      });
      await writeRegister(graph.site, demoRegister());
    } else {
      process.stdout.write('시연용 서울시 자료를 만드는 중 / making the demo city…\n');
      const made = await seedDemoCity({ config: provisioned.config, clock });
      demo = `, demo city: ${made} submissions (2020, 2021)`;
    }
  }
  process.stdout.write(
    `Graph stand-in: ${standIn.url} (data: ${dataDir})${provisioned ? `, lists ready on ${provisioned.site}` : ''}${demo}\n` +
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

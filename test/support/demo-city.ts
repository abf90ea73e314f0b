// The demo city (devtools/graph-standin/demo-city.ts) in a Graph stand-in started for one test file:
// provisioned from the repository's configuration with only the Graph root changed, then filled by
// the engine through the real submission flow.
import { startGraphStandIn, type GraphStandIn } from '../../devtools/graph-standin';
import { demoUsers, seedDemoCity, settableClock } from '../../devtools/graph-standin/demo-city';
import { STANDIN_TOKEN } from '../../src/auth/standin';
import type { DelibConfig } from '../../src/config';
import { createGraphSubmission } from '../../src/graph';
import { loadNodeConfig } from '../../src/graph/node-config';
import { newestStandard } from '../../src/standard';

export interface DemoStandIn {
  standIn: GraphStandIn;
  config: DelibConfig;
  close(): Promise<void>;
}

export async function demoStandIn(workbooks: 'xlsx' | 'snapshot' = 'snapshot'): Promise<DemoStandIn> {
  const clock = settableClock();
  const standIn = await startGraphStandIn({ users: demoUsers(), now: clock.now });
  try {
    const config = loadNodeConfig({ graphRoot: standIn.url, cwd: process.cwd(), env: {} });
    const { remaining } = await createGraphSubmission({
      config,
      tokens: { getToken: async () => STANDIN_TOKEN },
      standard: newestStandard,
    }).provision();
    if (remaining.length) throw new Error(remaining.map((d) => d.message.en).join('; '));
    await seedDemoCity({ config, clock, workbooks });
    return { standIn, config, close: () => standIn.close() };
  } catch (e) {
    await standIn.close();
    throw e;
  }
}

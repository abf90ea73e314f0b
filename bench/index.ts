// npm run bench: every measured figure the issues ask for, in one run so ratios are comparable.
import { benchEngine } from './engine';

async function main(): Promise<void> {
  const only = process.argv[2];
  if (!only || only === 'engine') benchEngine();
  if (!only || only === 'live') await (await import('./live')).benchLive();
  if (!only || only === 'graph') await (await import('./graph')).benchGraph();
  if (!only || only === 'reader') await (await import('./reader')).benchReader();
  if (!only || only === 'city') await (await import('./city')).benchCity();
  if (!only || only === 'cli') (await import('./cli')).benchCli();
  if (!only || only === 'name-free') await (await import('./name-free')).benchNameFree();
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});

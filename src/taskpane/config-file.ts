// The deployed configuration as the add-in's pages read it: delib.config.json beside the page, from
// the add-in's own origin (the pages' CSP allows that fetch and no other configuration source).
import { parseConfigText, type DelibConfig } from '../config';

export const CONFIG_FILE = 'delib.config.json';

export async function loadPaneConfig(base: string = location.href): Promise<DelibConfig> {
  const res = await fetch(new URL(CONFIG_FILE, base).toString(), { cache: 'no-store' });
  if (!res.ok) throw new Error(`${CONFIG_FILE}: HTTP ${res.status}`);
  return parseConfigText(await res.text());
}

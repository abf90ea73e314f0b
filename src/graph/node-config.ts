// Finding and reading the configuration file from Node (the CLI): --config, else DELIB_CONFIG, else
// config/delib.config.json of the installed package. --graph-root overrides the file's Graph root,
// so the same file can point the CLI at the local stand-in.
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, parseConfigText, type DelibConfig } from '../config';

function packageConfig(): string | null {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'config', 'delib.config.json');
    if (fs.existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) return null;
  }
}

export function loadNodeConfig(options: {
  file?: string;
  graphRoot?: string;
  cwd: string;
  env: Record<string, string | undefined>;
}): DelibConfig {
  const file = options.file
    ? path.resolve(options.cwd, options.file)
    : (options.env.DELIB_CONFIG ?? packageConfig());
  if (!file || !fs.existsSync(file)) {
    throw new ConfigError({
      ko: `설정 파일을 찾을 수 없습니다: ${file ?? 'config/delib.config.json'}`,
      en: `Configuration file not found: ${file ?? 'config/delib.config.json'}`,
    });
  }
  const text = fs.readFileSync(file, 'utf8');
  const raw = JSON.parse(text.trim() ? text : '{}') as Record<string, unknown>;
  if (options.graphRoot) raw.graphRoot = options.graphRoot;
  return parseConfigText(JSON.stringify(raw));
}

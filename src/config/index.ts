// The add-in's deployed configuration (config/delib.config.json, served beside taskpane.html) and the
// CLI's (same file, or --config). Bad configuration is explained in both languages, never guessed.
import { BilingualError } from '../bilingual';
import type { Text } from '../standard/types';
import { ALLOWED_SCOPES, GRAPH_PERMISSIONS, OIDC_SCOPES, tenantWide } from './scopes';

export interface DelibConfig {
  /** https://graph.microsoft.com/v1.0, or the local stand-in http://127.0.0.1:PORT/v1.0. */
  graphRoot: string;
  auth: {
    tenantId: string;
    /** The Entra app (SPA) client id; empty only for the local stand-in. */
    clientId: string;
    /** Delegated scopes, each one of ALLOWED_SCOPES exactly (./scopes.ts); default Sites.Selected. */
    scopes: string[];
    /** The page the Office dialog fallback opens (relative to the pane), running MSAL redirect. */
    dialogPage: string;
  };
  site: { hostname: string; path: string };
  lists: { submissions: string; forums: string; districts: string };
  library: { driveId: string | null; folder: string };
  batch: { concurrency: number };
  /**
   * Who sees the city desk (시 집계): `register` — the city officers named on the register's city
   * row (default); `everyone` — anyone who opens it (e.g. before the first register is imported).
   * Set by whoever builds and hosts the deployment; SharePoint's own permissions still decide what
   * anyone can read.
   */
  desk: { access: 'register' | 'everyone' };
}

export const DEFAULT_SCOPES = ['https://graph.microsoft.com/Sites.Selected'];

export class ConfigError extends BilingualError {
  constructor(text: Text) {
    super(text.ko, text.en);
  }
}

const bad = (ko: string, en: string): never => {
  throw new ConfigError({ ko: `설정 파일 오류: ${ko}`, en: `Configuration error: ${en}` });
};

function str(v: unknown, field: string, allowEmpty = false): string {
  if (typeof v !== 'string' || (!allowEmpty && v.trim() === '')) {
    return bad(`'${field}' 값이 필요합니다 (문자열).`, `'${field}' is required (a string).`);
  }
  return v.trim();
}

/** This computer: localhost (and *.localhost), 127.0.0.0/8, 0.0.0.0, ::1 — as a URL's host. */
export function isLoopback(root: string): boolean {
  let host: string;
  try {
    host = new URL(root).hostname.replace(/\.$/, '');
  } catch {
    return false;
  }
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    /^127\.\d+\.\d+\.\d+$/.test(host) ||
    host === '0.0.0.0' ||
    host === '[::1]' ||
    host === '[::]' ||
    /^\[::ffff:(7f[0-9a-f]{2}:[0-9a-f]{1,4}|127\.[\d.]+)\]$/.test(host)
  );
}

function checkScopes(scopes: string[]): void {
  const refused = scopes.filter((s) => !ALLOWED_SCOPES.has(s));
  if (refused.length === 0) return;
  const names = refused.map((s) => JSON.stringify(s)).join(', ');
  const wide = refused.some(tenantWide);
  const allowed = [...GRAPH_PERMISSIONS, ...OIDC_SCOPES].join(', ');
  bad(
    `'auth.scopes'에 허용되지 않은 권한이 있습니다: ${names}${wide ? ' (테넌트 전체 권한은 쓰지 않습니다)' : ''}. ` +
      `허용되는 값은 정확히 ${allowed}입니다 (Graph 권한은 https://graph.microsoft.com/ 접두어도 가능). Sites.Selected를 쓰세요.`,
    `'auth.scopes' names scopes that are not allowed: ${names}${wide ? ' (tenant-wide permissions are never used)' : ''}. ` +
      `Allowed, exactly: ${allowed} (Graph permissions also with the https://graph.microsoft.com/ prefix). Use Sites.Selected.`,
  );
}

/** Checks a parsed config file: every field, and the scopes against the exact allowlist. */
export function parseConfig(raw: unknown): DelibConfig {
  if (!raw || typeof raw !== 'object') bad('JSON 객체가 아닙니다.', 'not a JSON object.');
  const o = raw as Record<string, Record<string, unknown> | unknown>;
  const graphRoot = str(o.graphRoot, 'graphRoot').replace(/\/+$/, '');
  let url: URL | null = null;
  try {
    url = new URL(graphRoot);
  } catch {
    bad(`graphRoot가 URL이 아닙니다: ${graphRoot}`, `graphRoot is not a URL: ${graphRoot}`);
  }
  if (url && url.protocol !== 'https:' && !isLoopback(graphRoot)) {
    bad(
      'graphRoot는 https여야 합니다 (로컬 대체 서버 제외).',
      'graphRoot must be https (except the local stand-in).',
    );
  }
  const auth = (o.auth ?? {}) as Record<string, unknown>;
  const scopes = auth.scopes === undefined ? DEFAULT_SCOPES : (auth.scopes as unknown);
  if (!Array.isArray(scopes) || scopes.some((s) => typeof s !== 'string') || scopes.length === 0) {
    bad("'auth.scopes'는 문자열 배열이어야 합니다.", "'auth.scopes' must be an array of strings.");
  }
  checkScopes(scopes as string[]);
  const clientId = str(auth.clientId ?? '', 'auth.clientId', true);
  if (!clientId && !isLoopback(graphRoot)) {
    bad(
      "'auth.clientId'가 필요합니다 (Entra 앱 등록).",
      "'auth.clientId' is required (the Entra app registration).",
    );
  }
  const site = (o.site ?? {}) as Record<string, unknown>;
  const lists = (o.lists ?? {}) as Record<string, unknown>;
  const library = (o.library ?? {}) as Record<string, unknown>;
  const batch = (o.batch ?? {}) as Record<string, unknown>;
  const desk = (o.desk ?? {}) as Record<string, unknown>;
  const access = desk.access ?? 'register';
  if (access !== 'register' && access !== 'everyone')
    bad("'desk.access'는 register 또는 everyone입니다.", "'desk.access' is register or everyone.");
  const concurrency = batch.concurrency === undefined ? 4 : Number(batch.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 16) {
    bad("'batch.concurrency'는 1–16 사이 정수입니다.", "'batch.concurrency' must be an integer 1–16.");
  }
  return {
    graphRoot,
    auth: {
      tenantId: str(auth.tenantId ?? 'organizations', 'auth.tenantId'),
      clientId,
      scopes: scopes as string[],
      dialogPage: str(auth.dialogPage ?? 'auth-dialog.html', 'auth.dialogPage'),
    },
    site: {
      hostname: str(site.hostname, 'site.hostname'),
      path: '/' + str(site.path, 'site.path').replace(/^\/+/, ''),
    },
    lists: {
      submissions: str(lists.submissions ?? 'Submissions', 'lists.submissions'),
      forums: str(lists.forums ?? 'Forums', 'lists.forums'),
      districts: str(lists.districts ?? 'Districts', 'lists.districts'),
    },
    library: {
      driveId: library.driveId ? str(library.driveId, 'library.driveId') : null,
      folder: str(library.folder ?? 'Submissions', 'library.folder').replace(/^\/+|\/+$/g, ''),
    },
    batch: { concurrency },
    desk: { access: access as 'register' | 'everyone' },
  };
}

export function parseConfigText(text: string): DelibConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return bad(`JSON을 읽을 수 없습니다 (${detail}).`, `cannot read the JSON (${detail}).`);
  }
  return parseConfig(raw);
}

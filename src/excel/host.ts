// The one host check: are we inside Excel, in which language, and with which capabilities. Everything
// that needs to know (the pane's entry, the live session, the sign-in wiring, the commands) asks
// `checkHost`; nothing else calls Office.onReady or isSetSupported. Batches run through `ExcelRunner`,
// so tests can hand in a mock context.

/** ExcelApi 1.14 covers every Excel still in support; newer sets are used only when present. */
export const BASELINE_EXCEL_API = '1.14';

export type ExcelRunner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface HostCapabilities {
  /** Worksheet name-change events (ExcelApi 1.17); without them a rename is caught on the next read. */
  nameChanged: boolean;
  /** Worksheet visibility-change events (ExcelApi 1.17); without them, caught on the next read too. */
  visibilityChanged: boolean;
  /** MSAL nested app authentication through the host (NestedAppAuth 1.1); else the Office dialog. */
  nestedAppAuth: boolean;
  /** Dialog messages carry their sender's origin and messageParent takes a targetOrigin (DialogOrigin 1.1). */
  dialogOrigin: boolean;
}

export interface HostInfo {
  inExcel: boolean;
  /** Office's display language inside Excel; the browser's outside it. */
  displayLanguage: string;
  capabilities: HostCapabilities;
}

const NO_CAPABILITIES: HostCapabilities = {
  nameChanged: false,
  visibilityChanged: false,
  nestedAppAuth: false,
  dialogOrigin: false,
};

function browserLanguage(): string {
  return typeof navigator !== 'undefined' && navigator.language ? navigator.language : 'ko-KR';
}

function officeLoaded(): boolean {
  return typeof Office !== 'undefined' && typeof Office.onReady === 'function';
}

/** Whether the host supports a requirement set (false outside Office or on any error). */
export function supports(set: string, version: string): boolean {
  try {
    return officeLoaded() && Office.context.requirements.isSetSupported(set, version);
  } catch {
    return false;
  }
}

function capabilities(): HostCapabilities {
  return {
    nameChanged: supports('ExcelApi', '1.17'),
    visibilityChanged: supports('ExcelApi', '1.17'),
    nestedAppAuth: supports('NestedAppAuth', '1.1'),
    dialogOrigin: supports('DialogOrigin', '1.1'),
  };
}

/**
 * Office.js comes from the CDN; outside Office it may be missing (blocked, offline) or present with
 * no host, and inside another Office application the host is not Excel. Either way the answer comes
 * within `timeoutMs`, never a hang.
 */
export async function checkHost(timeoutMs = 15_000): Promise<HostInfo> {
  const outside: HostInfo = {
    inExcel: false,
    displayLanguage: browserLanguage(),
    capabilities: NO_CAPABILITIES,
  };
  if (!officeLoaded()) return outside;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), timeoutMs);
  });
  try {
    const info = await Promise.race([Office.onReady(), timeout]);
    const excel = typeof Excel !== 'undefined' && typeof Excel.run === 'function';
    if (!info || info.host !== Office.HostType.Excel || !excel) return outside;
    let language = '';
    try {
      language = Office.context.displayLanguage;
    } catch {
      // Some hosts throw before the context is complete: the browser's language will do.
    }
    return { inExcel: true, displayLanguage: language || browserLanguage(), capabilities: capabilities() };
  } finally {
    clearTimeout(timer);
  }
}

export const defaultRunner: ExcelRunner = (batch) => Excel.run(batch);

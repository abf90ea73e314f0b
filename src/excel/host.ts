// Whether Excel is here, what it supports, and how batches are run. Everything else in src/excel
// goes through `ExcelRunner`, so tests can hand in a mock context.

/** ExcelApi 1.14 covers every Excel still in support; newer sets are used only when present. */
export const BASELINE_EXCEL_API = '1.14';

export type ExcelRunner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export function hostPresent(): boolean {
  return typeof Office !== 'undefined' && typeof Excel !== 'undefined' && typeof Excel.run === 'function';
}

/** Waits for Office.onReady; 'no-host' outside Office or in another Office application. */
export async function detectHost(timeoutMs = 10_000): Promise<'excel' | 'no-host'> {
  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') return 'no-host';
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), timeoutMs);
  });
  try {
    const info = await Promise.race([Office.onReady(), timeout]);
    if (!info || info.host !== Office.HostType.Excel || !hostPresent()) return 'no-host';
    return 'excel';
  } finally {
    clearTimeout(timer);
  }
}

export function supports(version: string, set = 'ExcelApi'): boolean {
  try {
    return Office.context.requirements.isSetSupported(set, version);
  } catch {
    return false;
  }
}

export interface Capabilities {
  /** Worksheet name-change events (ExcelApi 1.17); without them a rename is caught on the next read. */
  nameChanged: boolean;
  /** Worksheet visibility-change events (ExcelApi 1.17); without them, caught on the next read too. */
  visibilityChanged: boolean;
}

export function capabilities(): Capabilities {
  return { nameChanged: supports('1.17'), visibilityChanged: supports('1.17') };
}

export const defaultRunner: ExcelRunner = (batch) => Excel.run(batch);

export function displayLanguage(): string {
  try {
    return Office.context.displayLanguage || 'ko-KR';
  } catch {
    return 'ko-KR';
  }
}

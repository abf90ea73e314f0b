// Is this page running inside Excel? Office.js comes from the CDN; outside Office it may be missing
// (blocked, offline) or present but with no host. Either way the pane must say so, not hang.
export type HostCheck =
  { inExcel: true; displayLanguage: string } | { inExcel: false; displayLanguage: string };

/** Long enough for a slow Office start, short enough that a browser user is not left staring. */
const READY_TIMEOUT_MS = 15_000;

function browserLanguage(): string {
  return typeof navigator !== 'undefined' && navigator.language ? navigator.language : 'ko-KR';
}

export async function checkHost(timeoutMs = READY_TIMEOUT_MS): Promise<HostCheck> {
  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') {
    return { inExcel: false, displayLanguage: browserLanguage() };
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), timeoutMs);
  });
  try {
    const info = await Promise.race([Office.onReady(), timeout]);
    if (!info || info.host !== Office.HostType.Excel)
      return { inExcel: false, displayLanguage: browserLanguage() };
    return { inExcel: true, displayLanguage: Office.context?.displayLanguage || browserLanguage() };
  } finally {
    clearTimeout(timer);
  }
}

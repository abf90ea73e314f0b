// The workbook file into the document library: one PUT under 4 MB, an upload session above (chunks
// of a multiple of 320 KiB, resent from where the service says it stopped). The chunk PUTs go to the
// session's own URL without our Authorization header, as Graph requires.
import { GraphTransportError, type GraphResponse } from './http';
import { expectOk, type SharePointSite } from './sharepoint';
import { sleep } from './pacer';

export const SIMPLE_LIMIT = 4 * 1024 * 1024;
export const CHUNK = 10 * 320 * 1024;

/** Starting a session twice is harmless (the first is abandoned), so a lost answer is simply retried. */
async function startSession(
  site: SharePointSite,
  base: string,
): Promise<GraphResponse<{ uploadUrl: string }>> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await site.http.send<{ uploadUrl: string }>('POST', `${base}/createUploadSession`, {
        item: { '@microsoft.graph.conflictBehavior': 'replace' },
      });
    } catch (e) {
      if (!(e instanceof GraphTransportError) || attempt >= 3) throw e;
    }
  }
}

export async function uploadFile(
  site: SharePointSite,
  path: string,
  bytes: Uint8Array,
): Promise<string | null> {
  const base = `${await site.filePath(path)}:`;
  if (bytes.length < SIMPLE_LIMIT) {
    const res = await site.http.send<{ webUrl?: string }>(
      'PUT',
      `${base}/content`,
      new Blob([bytes as Uint8Array<ArrayBuffer>]),
      {
        'Content-Type': 'application/octet-stream',
      },
    );
    return expectOk(res, 'upload the workbook').webUrl ?? null;
  }
  const session = expectOk(await startSession(site, base), 'start the upload session');
  let start = 0;
  for (let attempt = 0; start < bytes.length;) {
    const end = Math.min(start + CHUNK, bytes.length);
    let res: Response;
    try {
      res = await fetch(session.uploadUrl, {
        method: 'PUT',
        headers: { 'Content-Range': `bytes ${start}-${end - 1}/${bytes.length}` },
        body: new Blob([bytes.subarray(start, end) as Uint8Array<ArrayBuffer>]),
      });
    } catch (e) {
      if (++attempt > 5) throw e;
      await sleep(500 * 2 ** attempt);
      continue;
    }
    const body = (await res.json().catch(() => ({}))) as { webUrl?: string; nextExpectedRanges?: string[] };
    if (res.status === 200 || res.status === 201) return body.webUrl ?? null;
    if (res.status === 202 || res.status === 416) {
      // The service says where it wants the next byte; trust it over our own count.
      const range = body.nextExpectedRanges?.[0] ?? (res.status === 202 ? `${end}-` : null);
      if (range === null || (res.status === 416 && ++attempt > 5))
        throw new Error(`upload session refused the range at ${start}`);
      start = Number(range.split('-')[0]);
      continue;
    }
    if ((res.status >= 500 || res.status === 429) && ++attempt <= 5) {
      await sleep(Number(res.headers.get('Retry-After') ?? 1) * 1000);
      continue;
    }
    throw new Error(`upload chunk at ${start}: HTTP ${res.status}`);
  }
  throw new Error('upload session ended without the file');
}

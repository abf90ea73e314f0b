// Drive uploads: a simple PUT for small files (the stand-in enforces the documented 4 MB guidance so a
// client that ignores it fails here, not in production) and upload sessions with 320 KiB-multiple
// chunks and Content-Range, answering 202 with nextExpectedRanges until the last chunk.
import crypto from 'node:crypto';
import { siteWebUrl, type DriveFile, type SiteData, type Store } from './store';
import { graphError, json, type StandInResponse } from './http-types';

export const SIMPLE_UPLOAD_LIMIT = 4 * 1024 * 1024;
const CHUNK_UNIT = 320 * 1024;

interface UploadSession {
  siteId: string;
  path: string;
  size: number | null;
  parts: Buffer[];
  received: number;
  expires: number;
}

export function fileView(site: SiteData, file: DriveFile): unknown {
  return {
    id: file.id,
    name: file.name,
    size: file.size,
    createdDateTime: file.createdDateTime,
    webUrl: `${siteWebUrl(site)}/Shared%20Documents/${file.path.split('/').map(encodeURIComponent).join('/')}`,
    file: { hashes: { sha256Hash: file.sha256.toUpperCase() } },
  };
}

export class Drive {
  private readonly sessions = new Map<string, UploadSession>();

  constructor(
    private readonly store: Store,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private save(site: SiteData, filePath: string, content: Buffer): StandInResponse {
    const file: DriveFile = {
      id: crypto.randomUUID(),
      name: filePath.split('/').pop() ?? filePath,
      path: filePath,
      size: content.length,
      sha256: crypto.createHash('sha256').update(content).digest('hex'),
      createdDateTime: this.now().toISOString(),
    };
    this.store.putFile(site.id, file, content);
    return { ...json(201, fileView(site, file)), wrote: true };
  }

  simplePut(site: SiteData, filePath: string, body: unknown): StandInResponse {
    const content = Buffer.isBuffer(body) ? body : Buffer.from(JSON.stringify(body ?? ''));
    if (content.length > SIMPLE_UPLOAD_LIMIT) {
      return graphError(413, 'requestTooLarge', 'Simple upload is limited to 4 MB; use an upload session.');
    }
    return this.save(site, filePath, content);
  }

  get(site: SiteData, filePath: string): StandInResponse {
    const file = site.files.find((f) => f.path === filePath);
    return file
      ? json(200, fileView(site, file))
      : graphError(404, 'itemNotFound', 'The resource could not be found.');
  }

  createSession(site: SiteData, filePath: string, origin: string): StandInResponse {
    const id = crypto.randomUUID();
    const expires = Date.now() + 3600_000;
    this.sessions.set(id, { siteId: site.id, path: filePath, size: null, parts: [], received: 0, expires });
    return json(200, {
      uploadUrl: `${origin}/upload/${id}`,
      expirationDateTime: new Date(expires).toISOString(),
      nextExpectedRanges: ['0-'],
    });
  }

  /** A chunk PUT to an upload URL (no Authorization header: the URL itself is the credential). */
  chunk(sessionId: string, contentRange: string | undefined, body: Buffer): StandInResponse {
    const s = this.sessions.get(sessionId);
    if (!s || s.expires < Date.now())
      return graphError(404, 'itemNotFound', 'The upload session was not found.');
    const m = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(contentRange ?? '');
    if (!m) return graphError(400, 'invalidRange', 'Content-Range is required: bytes start-end/total');
    const [start, end, total] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (start !== s.received || end - start + 1 !== body.length || (s.size !== null && s.size !== total)) {
      return graphError(416, 'invalidRange', `Expected the range starting at ${s.received}`);
    }
    const last = end + 1 === total;
    if (!last && body.length % CHUNK_UNIT !== 0) {
      return graphError(400, 'invalidRange', 'Chunks other than the last must be a multiple of 320 KiB.');
    }
    s.size = total;
    s.parts.push(body);
    s.received = end + 1;
    if (!last) {
      return json(202, {
        expirationDateTime: new Date(s.expires).toISOString(),
        nextExpectedRanges: [`${s.received}-`],
      });
    }
    this.sessions.delete(sessionId);
    const site = this.store.site(s.siteId);
    if (!site) return graphError(404, 'itemNotFound', 'The site is gone.');
    return this.save(site, s.path, Buffer.concat(s.parts));
  }
}

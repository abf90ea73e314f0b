// The stand-in's data: sites, lists with columns and items, and drive files. Every mutation is appended
// to a log file synchronously before the HTTP answer goes out, so a write that "committed" survives a
// crash or restart of the stand-in exactly as a committed SharePoint write would.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import type { IdentitySet } from './users';

export type FieldValue = string | number | boolean | null;

export interface ColumnDef {
  id: string;
  name: string;
  displayName: string;
  description?: string;
  indexed: boolean;
  enforceUniqueValues: boolean;
  required: boolean;
  readOnly?: boolean;
  /** Exactly one of the type facets, as Graph's columnDefinition carries it. */
  text?: { maxLength?: number; allowMultipleLines?: boolean };
  number?: { decimalPlaces?: string };
  boolean?: Record<string, never>;
  dateTime?: { format?: string };
  choice?: { choices: string[] };
}

export interface ListItem {
  id: string;
  /** Set by the stand-in from its own clock and the caller's token, never from the request. */
  createdDateTime: string;
  lastModifiedDateTime: string;
  /** Null only in data written before the stand-in knew its users. */
  createdBy: IdentitySet | null;
  lastModifiedBy: IdentitySet | null;
  fields: Record<string, FieldValue>;
}

export interface ListData {
  id: string;
  name: string;
  displayName: string;
  description: string;
  createdDateTime: string;
  columns: ColumnDef[];
  items: ListItem[];
  nextItemId: number;
}

export interface DriveFile {
  id: string;
  name: string;
  path: string;
  size: number;
  sha256: string;
  createdDateTime: string;
}

export interface SiteData {
  id: string;
  hostname: string;
  path: string;
  lists: ListData[];
  files: DriveFile[];
}

/** Where SharePoint shows a site (and, under it, its lists, items and files): its own https host. */
export function siteWebUrl(site: Pick<SiteData, 'hostname' | 'path'>): string {
  return `https://${site.hostname}${site.path}`;
}

interface State {
  sites: SiteData[];
}

type Mutation =
  | { op: 'site'; site: SiteData }
  | { op: 'list'; siteId: string; list: ListData }
  | { op: 'column'; siteId: string; listId: string; column: ColumnDef }
  | { op: 'item'; siteId: string; listId: string; item: ListItem }
  | { op: 'delete-item'; siteId: string; listId: string; itemId: string }
  | { op: 'file'; siteId: string; file: DriveFile };

const SNAPSHOT = 'graph-standin.json';
const LOG = 'graph-standin.log';

export class Store {
  private state: State = { sites: [] };
  private readonly itemPositions = new WeakMap<ListData, Map<string, number>>();
  private readonly logFd: number | null;
  /** File contents when nothing is kept on disk. */
  private readonly contents = new Map<string, Buffer>();

  constructor(private readonly dataDir: string | null) {
    if (!dataDir) {
      this.logFd = null;
      return;
    }
    fs.mkdirSync(path.join(dataDir, 'files'), { recursive: true });
    const snap = path.join(dataDir, SNAPSHOT);
    if (fs.existsSync(snap)) this.state = JSON.parse(fs.readFileSync(snap, 'utf8')) as State;
    const log = path.join(dataDir, LOG);
    if (fs.existsSync(log)) {
      for (const line of fs.readFileSync(log, 'utf8').split('\n')) {
        // A torn last line (the process died mid-append) was never answered, so it never committed.
        if (!line.trim()) continue;
        try {
          this.apply(JSON.parse(line) as Mutation);
        } catch {
          break;
        }
      }
    }
    this.compact();
    this.logFd = fs.openSync(log, 'a');
  }

  /** Rewrites the snapshot and empties the log (start-up and close). */
  compact(): void {
    if (!this.dataDir) return;
    const snap = path.join(this.dataDir, SNAPSHOT);
    fs.writeFileSync(snap + '.tmp', JSON.stringify(this.state));
    fs.renameSync(snap + '.tmp', snap);
    fs.writeFileSync(path.join(this.dataDir, LOG), '');
  }

  close(): void {
    if (this.logFd !== null) fs.closeSync(this.logFd);
    this.compact();
  }

  private commit(m: Mutation): void {
    if (this.logFd !== null) fs.writeSync(this.logFd, JSON.stringify(m) + '\n');
    this.apply(m);
  }

  private apply(m: Mutation): void {
    if (m.op === 'site') {
      this.state.sites.push(m.site);
      return;
    }
    const site = this.site(m.siteId);
    if (!site) throw new Error('unknown site in log');
    if (m.op === 'file') {
      site.files = site.files.filter((f) => f.path !== m.file.path);
      site.files.push(m.file);
      return;
    }
    if (m.op === 'list') {
      const i = site.lists.findIndex((l) => l.id === m.list.id);
      if (i >= 0) site.lists[i] = m.list;
      else site.lists.push(m.list);
      return;
    }
    const list = site.lists.find((l) => l.id === m.listId);
    if (!list) throw new Error('unknown list in log');
    if (m.op === 'column') {
      const i = list.columns.findIndex((c) => c.id === m.column.id);
      if (i >= 0) list.columns[i] = m.column;
      else list.columns.push(m.column);
      return;
    }
    if (m.op === 'delete-item') {
      list.items = list.items.filter((it) => it.id !== m.itemId);
      return;
    }
    const positions = this.positions(list);
    const i = positions.get(m.item.id);
    if (i !== undefined) list.items[i] = m.item;
    else {
      positions.set(m.item.id, list.items.length);
      list.items.push(m.item);
      list.nextItemId = Math.max(list.nextItemId, Number(m.item.id) + 1);
    }
  }

  /** Item id → position, so a write into a list of many thousand items stays cheap. */
  private positions(list: ListData): Map<string, number> {
    let map = this.itemPositions.get(list);
    if (!map || map.size !== list.items.length) {
      map = new Map(list.items.map((it, i) => [it.id, i]));
      this.itemPositions.set(list, map);
    }
    return map;
  }

  item(list: ListData, id: string): ListItem | undefined {
    const i = this.positions(list).get(id);
    return i === undefined ? undefined : list.items[i];
  }

  /** Read-only view for tests and the bench (never mutate what this returns). */
  sites(): readonly SiteData[] {
    return this.state.sites;
  }

  site(id: string): SiteData | undefined {
    return this.state.sites.find((s) => s.id === id);
  }

  /** Any path is a site in the stand-in's tenant: the first request for it creates it. */
  siteByPath(hostname: string, sitePath: string): SiteData {
    const found = this.state.sites.find((s) => s.hostname === hostname && s.path === sitePath);
    if (found) return found;
    const guid = crypto.createHash('sha256').update(`${hostname}${sitePath}`).digest('hex');
    const site: SiteData = {
      id: `${hostname},${guid.slice(0, 8)}-${guid.slice(8, 12)}-${guid.slice(12, 16)}-${guid.slice(16, 20)}-${guid.slice(20, 32)}`,
      hostname,
      path: sitePath,
      lists: [],
      files: [],
    };
    this.commit({ op: 'site', site });
    return site;
  }

  putList(siteId: string, list: ListData): void {
    this.commit({ op: 'list', siteId, list });
  }

  putColumn(siteId: string, listId: string, column: ColumnDef): void {
    this.commit({ op: 'column', siteId, listId, column });
  }

  putItem(siteId: string, listId: string, item: ListItem): void {
    this.commit({ op: 'item', siteId, listId, item });
  }

  deleteItem(siteId: string, listId: string, itemId: string): void {
    this.commit({ op: 'delete-item', siteId, listId, itemId });
  }

  putFile(siteId: string, file: DriveFile, content: Buffer): void {
    if (this.dataDir) fs.writeFileSync(path.join(this.dataDir, 'files', file.id), content);
    else this.contents.set(file.id, content);
    this.commit({ op: 'file', siteId, file });
  }

  /** The bytes of a stored file (tests open what a client uploaded). */
  fileContent(fileId: string): Buffer | null {
    if (this.dataDir) {
      const file = path.join(this.dataDir, 'files', fileId);
      return fs.existsSync(file) ? fs.readFileSync(file) : null;
    }
    return this.contents.get(fileId) ?? null;
  }
}

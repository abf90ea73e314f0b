// The site, its two lists and the document library as the project uses them: resolve the site,
// read the lists' columns, query items by an indexed key (all pages), create and patch items.
import type { DelibConfig } from '../config';
import { errorMessage, type GraphHttp, type GraphResponse } from './http';
import type { ListRole } from './schema';

export interface GraphColumn {
  id: string;
  name: string;
  displayName?: string;
  indexed?: boolean;
  enforceUniqueValues?: boolean;
  text?: { allowMultipleLines?: boolean; maxLength?: number };
  number?: { displayAs?: string; decimalPlaces?: string };
  dateTime?: object;
  choice?: { choices?: string[] };
  boolean?: object;
}

/** A listItem as Graph answers it: who created and changed it, and when, are the service's own record. */
export interface GraphItem {
  id: string;
  webUrl?: string;
  createdDateTime?: string;
  lastModifiedDateTime?: string;
  createdBy?: { user?: { id?: string; displayName?: string; email?: string } };
  lastModifiedBy?: { user?: { id?: string; displayName?: string; email?: string } };
  fields: Record<string, unknown>;
}

/** A Graph answer the caller did not expect, with the status kept for decisions. */
export class GraphCallError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'GraphCallError';
  }
}

export function expectOk<T>(res: GraphResponse<T>, what: string): T {
  if (res.status >= 200 && res.status < 300) return res.body;
  throw new GraphCallError(res.status, `${what}: ${errorMessage(res)}`);
}

/** OData string literal. */
export function odataString(v: string): string {
  return `'${v.replace(/'/g, "''")}'`;
}

export class SharePointSite {
  private siteIdCache: string | null = null;

  constructor(
    readonly http: GraphHttp,
    readonly config: DelibConfig,
  ) {}

  async siteId(): Promise<string> {
    if (this.siteIdCache) return this.siteIdCache;
    const { hostname, path } = this.config.site;
    const site = expectOk(await this.http.send<{ id: string }>('GET', `/sites/${hostname}:${path}`), 'site');
    this.siteIdCache = site.id;
    return site.id;
  }

  listRef(role: ListRole): string {
    return this.config.lists[role];
  }

  async listPath(role: ListRole): Promise<string> {
    return `/sites/${encodeURIComponent(await this.siteId())}/lists/${encodeURIComponent(this.listRef(role))}`;
  }

  async drivePath(): Promise<string> {
    const { driveId } = this.config.library;
    return driveId
      ? `/drives/${encodeURIComponent(driveId)}`
      : `/sites/${encodeURIComponent(await this.siteId())}/drive`;
  }

  /** The list's columns, or null when the list does not exist. */
  async columns(role: ListRole): Promise<GraphColumn[] | null> {
    const res = await this.http.send<{ value: GraphColumn[] }>('GET', `${await this.listPath(role)}/columns`);
    if (res.status === 404) return null;
    return expectOk(res, `columns of ${this.listRef(role)}`).value;
  }

  /**
   * Items matching a filter, all pages (`$top` and each `@odata.nextLink`). Every filter the project
   * sends leads with an indexed column that matches at most a few thousand items (a SubmissionId, a
   * SubmissionKey, a district-year's Submissions), because SharePoint refuses a query whose indexed
   * clause matches more than the list view threshold (5,000), paged or not. The Prefer header is sent
   * anyway so a small list still answers while an admin fixes a missing index (the schema check
   * reports it).
   */
  async query(role: ListRole, filter: string, select?: string[]): Promise<GraphItem[]> {
    const params = [`$expand=fields${select ? `($select=${select.join(',')})` : ''}`, '$top=999'];
    params.push(`$filter=${encodeURIComponent(filter)}`);
    let next: string | null = `${await this.listPath(role)}/items?${params.join('&')}`;
    const out: GraphItem[] = [];
    while (next) {
      const res: GraphResponse<{ value: GraphItem[]; '@odata.nextLink'?: string }> = await this.http.send(
        'GET',
        next,
        undefined,
        {
          Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly',
        },
      );
      const page = expectOk(res, `query ${this.listRef(role)}`);
      out.push(...page.value);
      next = page['@odata.nextLink'] ?? null;
    }
    return out;
  }

  /**
   * Every item of a small list (the district register: a few dozen rows), all pages. Never for the
   * Submissions or Forums lists, whose size only an indexed filter keeps under the view threshold.
   */
  async allItems(role: ListRole, select: string[]): Promise<GraphItem[]> {
    let next: string | null =
      `${await this.listPath(role)}/items?$expand=fields($select=${select.join(',')})&$top=999`;
    const out: GraphItem[] = [];
    while (next) {
      const res: GraphResponse<{ value: GraphItem[]; '@odata.nextLink'?: string }> = await this.http.send(
        'GET',
        next,
      );
      const page = expectOk(res, `read ${this.listRef(role)}`);
      out.push(...page.value);
      next = page['@odata.nextLink'] ?? null;
    }
    return out;
  }

  async deleteItem(role: ListRole, itemId: string): Promise<void> {
    const res = await this.http.send(
      'DELETE',
      `${await this.listPath(role)}/items/${encodeURIComponent(itemId)}`,
    );
    // Already gone (a repeated import after a lost answer) is what was wanted.
    if (res.status !== 404) expectOk(res, `delete ${this.listRef(role)} item ${itemId}`);
  }

  /** A file's address in the library, by path: `…/root:/<folder>/<name>`. */
  async filePath(path: string): Promise<string> {
    return `${await this.drivePath()}/root:/${path.split('/').map(encodeURIComponent).join('/')}`;
  }

  /** The address Graph gives a file at a path in the library, or null when nothing is there. */
  async fileUrl(path: string): Promise<string | null> {
    const res = await this.http.send<{ webUrl?: string }>('GET', await this.filePath(path));
    if (res.status === 404) return null;
    return expectOk(res, 'look up the workbook file').webUrl ?? null;
  }

  async createItem(role: ListRole, fields: Record<string, unknown>): Promise<GraphResponse<GraphItem>> {
    return this.http.send<GraphItem>('POST', `${await this.listPath(role)}/items`, { fields });
  }

  async patchFields(role: ListRole, itemId: string, fields: Record<string, unknown>): Promise<void> {
    expectOk(
      await this.http.send(
        'PATCH',
        `${await this.listPath(role)}/items/${encodeURIComponent(itemId)}/fields`,
        fields,
      ),
      `update ${this.listRef(role)} item ${itemId}`,
    );
  }
}

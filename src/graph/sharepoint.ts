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
  number?: object;
  dateTime?: object;
  choice?: { choices?: string[] };
  boolean?: object;
}

export interface GraphItem {
  id: string;
  webUrl?: string;
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
    return role === 'submissions' ? this.config.lists.submissions : this.config.lists.forums;
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
   * Items matching a filter over indexed columns, all pages. The Prefer header is sent anyway so a
   * small list still answers while an admin fixes a missing index (the schema check reports it).
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

// Lists and columns with SharePoint's observable rules: internal names mangled when not ASCII, unique
// values only on indexed columns, column types fixed once created.
import crypto from 'node:crypto';
import {
  siteWebUrl,
  type ColumnDef,
  type FieldValue,
  type ListData,
  type SiteData,
  type Store,
} from './store';
import { graphError, json, type StandInRequest, type StandInResponse } from './http-types';

const TYPE_FACETS = ['text', 'number', 'boolean', 'dateTime', 'choice'] as const;

/** SharePoint encodes every non-ASCII character of an internal name as `_xHHHH_`. */
export function internalName(name: string): string {
  return [...name]
    .map((ch) => (/^[A-Za-z0-9_]$/.test(ch) ? ch : `_x${ch.codePointAt(0)!.toString(16).padStart(4, '0')}_`))
    .join('')
    .slice(0, 32);
}

function titleColumn(): ColumnDef {
  return {
    id: 'fa564e0f-0c70-4ab9-b863-0177e6ddd247',
    name: 'Title',
    displayName: 'Title',
    indexed: false,
    enforceUniqueValues: false,
    required: true,
    text: { maxLength: 255 },
  };
}

export function listView(site: SiteData, list: ListData, origin: string, withColumns: boolean): unknown {
  return {
    id: list.id,
    name: list.name,
    displayName: list.displayName,
    description: list.description,
    createdDateTime: list.createdDateTime,
    webUrl: `${siteWebUrl(site)}/Lists/${encodeURIComponent(list.name)}`,
    list: { template: 'genericList', contentTypesEnabled: false, hidden: false },
    ...(withColumns ? { columns: list.columns } : {}),
  };
}

export function findList(site: SiteData, idOrName: string): ListData | undefined {
  const key = decodeURIComponent(idOrName);
  return site.lists.find((l) => l.id === key || l.name === key || l.displayName === key);
}

export function createList(store: Store, site: SiteData, req: StandInRequest): StandInResponse {
  const body = (req.body ?? {}) as { displayName?: string; description?: string; columns?: unknown[] };
  if (!body.displayName) return graphError(400, 'invalidRequest', 'displayName is required');
  const name = body.displayName.replace(/[^A-Za-z0-9_-]/g, '') || internalName(body.displayName);
  if (site.lists.some((l) => l.name === name || l.displayName === body.displayName)) {
    return graphError(409, 'nameAlreadyExists', 'Name already exists');
  }
  const list: ListData = {
    id: crypto.randomUUID(),
    name,
    displayName: body.displayName,
    description: body.description ?? '',
    createdDateTime: new Date().toISOString(),
    columns: [titleColumn()],
    items: [],
    nextItemId: 1,
  };
  for (const raw of body.columns ?? []) {
    const made = buildColumn(list, raw as Partial<ColumnDef>);
    if ('error' in made) return made.error;
    list.columns.push(made.column);
  }
  store.putList(site.id, list);
  return { ...json(201, listView(site, list, req.origin, true)), wrote: true };
}

function typeFacet(c: Partial<ColumnDef>): (typeof TYPE_FACETS)[number] | undefined {
  return TYPE_FACETS.find((f) => c[f] !== undefined);
}

function buildColumn(
  list: ListData,
  c: Partial<ColumnDef>,
): { column: ColumnDef } | { error: StandInResponse } {
  if (!c.name) return { error: graphError(400, 'invalidRequest', 'A column name is required') };
  const name = internalName(c.name);
  if (list.columns.some((x) => x.name === name)) {
    return { error: graphError(400, 'invalidRequest', `A duplicate field name "${name}" was found.`) };
  }
  if (c.enforceUniqueValues && !c.indexed) {
    return {
      error: graphError(400, 'invalidRequest', 'This field must be indexed to enforce unique values.'),
    };
  }
  const facet = typeFacet(c) ?? 'text';
  const column: ColumnDef = {
    id: crypto.randomUUID(),
    name,
    displayName: c.displayName ?? c.name,
    description: c.description ?? '',
    indexed: !!c.indexed,
    enforceUniqueValues: !!c.enforceUniqueValues,
    required: !!c.required,
    [facet]: c[facet] ?? (facet === 'text' ? { maxLength: 255 } : {}),
  };
  return { column };
}

export function createColumn(
  store: Store,
  site: SiteData,
  list: ListData,
  req: StandInRequest,
): StandInResponse {
  const made = buildColumn(list, (req.body ?? {}) as Partial<ColumnDef>);
  if ('error' in made) return made.error;
  store.putColumn(site.id, list.id, made.column);
  return { ...json(201, made.column), wrote: true };
}

export function patchColumn(
  store: Store,
  site: SiteData,
  list: ListData,
  columnId: string,
  req: StandInRequest,
): StandInResponse {
  const current = list.columns.find((c) => c.id === columnId || c.name === columnId);
  if (!current) return graphError(404, 'itemNotFound', 'Column not found');
  const patch = (req.body ?? {}) as Partial<ColumnDef>;
  const facet = typeFacet(patch);
  if (facet && facet !== typeFacet(current)) {
    return graphError(400, 'invalidRequest', 'The column type cannot be changed.');
  }
  const next: ColumnDef = { ...current, ...patch, id: current.id, name: current.name };
  if (next.enforceUniqueValues && !next.indexed) {
    return graphError(400, 'invalidRequest', 'This field must be indexed to enforce unique values.');
  }
  if (next.enforceUniqueValues && !current.enforceUniqueValues) {
    const seen = new Set<FieldValue>();
    for (const it of list.items) {
      const v = it.fields[current.name];
      if (v === null || v === undefined) continue;
      if (seen.has(v)) return graphError(400, 'invalidRequest', 'Duplicate values exist in this column.');
      seen.add(v);
    }
  }
  store.putColumn(site.id, list.id, next);
  return { ...json(200, next), wrote: true };
}

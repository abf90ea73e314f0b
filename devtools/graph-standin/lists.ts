// Lists, columns and items with SharePoint's observable rules: internal names mangled when not ASCII,
// unique values only on indexed columns, the unique-constraint 400, and the 5,000-item threshold for
// filters over columns that are not indexed.
import crypto from 'node:crypto';
import type { ColumnDef, FieldValue, ListData, ListItem, SiteData, Store } from './store';
import { FilterError, filterFields, matches, parseFilter } from './filter';
import { graphError, json, type StandInRequest, type StandInResponse } from './http-types';

export const LIST_VIEW_THRESHOLD = 5000;
const PAGE_DEFAULT = 200;
const PAGE_MAX = 999;
const TYPE_FACETS = ['text', 'number', 'boolean', 'dateTime', 'choice'] as const;
const BUILT_IN = new Set([
  'id',
  'ID',
  'Created',
  'Modified',
  'ContentType',
  'Attachments',
  'Edit',
  'LinkTitle',
]);

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
    webUrl: `${origin}/view/${encodeURIComponent(site.id)}/lists/${list.id}`,
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

function checkValue(col: ColumnDef, v: FieldValue): string | null {
  if (v === null) return col.required ? `Field '${col.name}' is required.` : null;
  if (col.text) {
    if (typeof v !== 'string') return `Field '${col.name}' expects text.`;
    if (v.length > (col.text.maxLength ?? (col.text.allowMultipleLines ? 63999 : 255)))
      return `Field '${col.name}' is too long.`;
  } else if (col.number) {
    if (typeof v !== 'number' || !Number.isFinite(v)) return `Field '${col.name}' expects a number.`;
  } else if (col.boolean) {
    if (typeof v !== 'boolean') return `Field '${col.name}' expects a boolean.`;
  } else if (col.dateTime) {
    if (typeof v !== 'string' || Number.isNaN(Date.parse(v))) return `Field '${col.name}' expects a date.`;
  } else if (col.choice && !col.choice.choices.includes(String(v))) {
    return `Field '${col.name}' does not accept '${String(v)}'.`;
  }
  return null;
}

/** Validates fields against the columns and the unique constraints; null when the write may go ahead. */
function validateFields(
  list: ListData,
  fields: Record<string, FieldValue>,
  selfId: string | null,
): StandInResponse | null {
  for (const [k, v] of Object.entries(fields)) {
    if (k.startsWith('@odata') || BUILT_IN.has(k)) continue;
    const col = list.columns.find((c) => c.name === k);
    if (!col) return graphError(400, 'invalidRequest', `Field '${k}' is not recognized`);
    const problem = checkValue(col, v);
    if (problem) return graphError(400, 'invalidRequest', problem);
  }
  const duplicates = list.columns.filter((c) => {
    const v = fields[c.name];
    if (!c.enforceUniqueValues || v === null || v === undefined) return false;
    return list.items.some((it) => it.id !== selfId && it.fields[c.name] === v);
  });
  if (duplicates.length > 0) {
    return graphError(
      400,
      'invalidRequest',
      'The list item could not be added or updated because duplicate values were found in the following ' +
        `field(s) in the list: [${duplicates.map((c) => c.name).join(', ')}].`,
    );
  }
  return null;
}

export function itemView(
  site: SiteData,
  list: ListData,
  item: ListItem,
  origin: string,
  withFields: boolean,
): unknown {
  return {
    id: item.id,
    createdDateTime: item.createdDateTime,
    lastModifiedDateTime: item.lastModifiedDateTime,
    webUrl: `${origin}/view/${encodeURIComponent(site.id)}/lists/${list.id}/items/${item.id}`,
    ...(withFields ? { fields: { '@odata.etag': `"${item.id},1"`, id: item.id, ...item.fields } } : {}),
  };
}

export function createItem(
  store: Store,
  site: SiteData,
  list: ListData,
  req: StandInRequest,
): StandInResponse {
  const body = (req.body ?? {}) as { fields?: Record<string, FieldValue> };
  const fields = { ...(body.fields ?? {}) };
  for (const c of list.columns) if (c.required && (fields[c.name] ?? null) === null) fields[c.name] = null;
  const problem = validateFields(list, fields, null);
  if (problem) return problem;
  const now = new Date().toISOString();
  const item: ListItem = {
    id: String(list.nextItemId),
    createdDateTime: now,
    lastModifiedDateTime: now,
    fields,
  };
  store.putItem(site.id, list.id, item);
  return { ...json(201, itemView(site, list, item, req.origin, true)), wrote: true };
}

export function patchItemFields(
  store: Store,
  site: SiteData,
  list: ListData,
  itemId: string,
  req: StandInRequest,
): StandInResponse {
  const item = list.items.find((i) => i.id === itemId);
  if (!item) return graphError(404, 'itemNotFound', 'The specified item was not found');
  const patch = (req.body ?? {}) as Record<string, FieldValue>;
  const fields = { ...item.fields, ...patch };
  const problem = validateFields(list, patch, item.id) ?? validateFields(list, fields, item.id);
  if (problem) return problem;
  const next: ListItem = { ...item, fields, lastModifiedDateTime: new Date().toISOString() };
  store.putItem(site.id, list.id, next);
  return { ...json(200, { id: next.id, ...next.fields }), wrote: true };
}

export function getItem(
  site: SiteData,
  list: ListData,
  itemId: string,
  req: StandInRequest,
): StandInResponse {
  const item = list.items.find((i) => i.id === itemId);
  if (!item) return graphError(404, 'itemNotFound', 'The specified item was not found');
  return json(
    200,
    itemView(site, list, item, req.origin, req.query.get('$expand')?.includes('fields') ?? false),
  );
}

export function queryItems(
  site: SiteData,
  list: ListData,
  req: StandInRequest,
  selfUrl: string,
): StandInResponse {
  const filterText = req.query.get('$filter');
  let items = list.items;
  if (filterText) {
    let node;
    try {
      node = parseFilter(filterText);
    } catch (e) {
      return graphError(400, 'invalidRequest', (e as FilterError).message);
    }
    const prefer = (req.headers['prefer'] ?? '').includes('HonorNonIndexedQueriesWarningMayFailRandomly');
    for (const f of filterFields(node)) {
      const col = list.columns.find((c) => c.name === f);
      if (!col) return graphError(400, 'invalidRequest', `Field '${f}' is not recognized`);
      if (col.indexed) continue;
      if (!prefer) {
        return graphError(
          400,
          'invalidRequest',
          `Field '${f}' cannot be referenced in filter or orderby as it is not indexed. Provide the ` +
            "'Prefer: HonorNonIndexedQueriesWarningMayFailRandomly' header to allow this, but be warned that " +
            'such queries may fail on large lists.',
        );
      }
      if (list.items.length > LIST_VIEW_THRESHOLD) {
        return graphError(
          400,
          'invalidRequest',
          'The attempted operation is prohibited because it exceeds the list view threshold.',
        );
      }
    }
    items = items.filter((it) => matches(node, it.fields));
  }
  const top = Math.min(PAGE_MAX, Math.max(1, Number(req.query.get('$top') ?? PAGE_DEFAULT) || PAGE_DEFAULT));
  const skip =
    Number(
      Buffer.from(req.query.get('$skiptoken') ?? '', 'base64')
        .toString()
        .replace('Paged=TRUE&p_ID=', ''),
    ) || 0;
  const page = items.slice(skip, skip + top);
  const withFields = req.query.get('$expand')?.includes('fields') ?? false;
  const body: Record<string, unknown> = {
    value: page.map((it) => itemView(site, list, it, req.origin, withFields)),
  };
  if (skip + top < items.length) {
    const next = new URLSearchParams(req.query);
    next.set('$skiptoken', Buffer.from(`Paged=TRUE&p_ID=${skip + top}`).toString('base64'));
    body['@odata.nextLink'] = `${selfUrl}?${next.toString()}`;
  }
  return json(200, body);
}

// List items with SharePoint's observable rules: field validation, the unique-constraint 400, who and
// when recorded by the service itself (createdBy/createdDateTime cannot be written), and the list
// view threshold: a query is answered from the index of its first indexed clause, and refused when
// that clause matches more than 5,000 items (or, without one, when the list holds more than 5,000).
import {
  siteWebUrl,
  type ColumnDef,
  type FieldValue,
  type ListData,
  type ListItem,
  type SiteData,
  type Store,
} from './store';
import { FilterError, filterFields, indexSeek, matches, parseFilter } from './filter';
import { graphError, json, type StandInRequest, type StandInResponse } from './http-types';
import { identityOf } from './users';

export const LIST_VIEW_THRESHOLD = 5000;
const PAGE_DEFAULT = 200;
const PAGE_MAX = 999;
/** Columns SharePoint maintains itself; a write naming one is refused. */
const READ_ONLY = new Set([
  'id',
  'ID',
  'Created',
  'Modified',
  'Author',
  'Editor',
  'AuthorLookupId',
  'EditorLookupId',
]);

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
    if (k.startsWith('@odata')) continue;
    if (READ_ONLY.has(k)) return graphError(400, 'invalidRequest', `Field '${k}' is read-only`);
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
    ...(item.createdBy ? { createdBy: item.createdBy } : {}),
    ...(item.lastModifiedBy ? { lastModifiedBy: item.lastModifiedBy } : {}),
    webUrl: `${siteWebUrl(site)}/Lists/${encodeURIComponent(list.name)}/${item.id}_.000`,
    ...(withFields
      ? {
          fields: {
            '@odata.etag': `"${item.id},1"`,
            id: item.id,
            ...item.fields,
            Created: item.createdDateTime,
            Modified: item.lastModifiedDateTime,
          },
        }
      : {}),
  };
}

/** The fields a write may store: OData annotations are not data. */
function dataFields(fields: Record<string, FieldValue>): Record<string, FieldValue> {
  return Object.fromEntries(Object.entries(fields).filter(([k]) => !k.startsWith('@odata')));
}

export function createItem(
  store: Store,
  site: SiteData,
  list: ListData,
  req: StandInRequest,
): StandInResponse {
  // Only `fields` is read: createdBy, createdDateTime and the like in the body are not the caller's to set.
  const body = (req.body ?? {}) as { fields?: Record<string, FieldValue> };
  const fields = { ...(body.fields ?? {}) };
  for (const c of list.columns) if (c.required && (fields[c.name] ?? null) === null) fields[c.name] = null;
  const problem = validateFields(list, fields, null);
  if (problem) return problem;
  const who = identityOf(req.caller);
  const item: ListItem = {
    id: String(list.nextItemId),
    createdDateTime: req.at,
    lastModifiedDateTime: req.at,
    createdBy: who,
    lastModifiedBy: who,
    fields: dataFields(fields),
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
  const item = store.item(list, itemId);
  if (!item) return graphError(404, 'itemNotFound', 'The specified item was not found');
  const patch = (req.body ?? {}) as Record<string, FieldValue>;
  const fields = { ...item.fields, ...dataFields(patch) };
  const problem = validateFields(list, patch, item.id) ?? validateFields(list, fields, item.id);
  if (problem) return problem;
  const next: ListItem = {
    ...item,
    fields,
    lastModifiedDateTime: req.at,
    lastModifiedBy: identityOf(req.caller),
  };
  store.putItem(site.id, list.id, next);
  return { ...json(200, { id: next.id, ...next.fields }), wrote: true };
}

export function deleteItem(store: Store, site: SiteData, list: ListData, itemId: string): StandInResponse {
  if (!store.item(list, itemId)) return graphError(404, 'itemNotFound', 'The specified item was not found');
  store.deleteItem(site.id, list.id, itemId);
  return { status: 204, headers: {}, body: null, wrote: true };
}

export function getItem(
  store: Store,
  site: SiteData,
  list: ListData,
  itemId: string,
  req: StandInRequest,
): StandInResponse {
  const item = store.item(list, itemId);
  if (!item) return graphError(404, 'itemNotFound', 'The specified item was not found');
  return json(
    200,
    itemView(site, list, item, req.origin, req.query.get('$expand')?.includes('fields') ?? false),
  );
}

/**
 * SharePoint refuses a query whose index lookup would touch more items than the list view threshold.
 * Through Graph that refusal arrives as 429 activityLimitReached "The request has been throttled"
 * (microsoftgraph/msgraph-sdk-dotnet#827, microsoft-graph-docs#8450) with no Retry-After: waiting
 * never helps, only a narrower query does.
 */
function thresholdRefusal(): StandInResponse {
  const r = graphError(429, 'activityLimitReached', 'The request has been throttled');
  const error = (r.body as { error: { innerError: Record<string, unknown> } }).error;
  error.innerError = { code: 'throttledRequest', ...error.innerError };
  return { ...r, threshold: true };
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
    const column = (f: string): ColumnDef | undefined => list.columns.find((c) => c.name === f);
    for (const f of filterFields(node)) {
      const col = column(f);
      if (!col) return graphError(400, 'invalidRequest', `Field '${f}' is not recognized`);
      if (!col.indexed && !prefer) {
        return graphError(
          400,
          'invalidRequest',
          `Field '${f}' cannot be referenced in filter or orderby as it is not indexed. Provide the ` +
            "'Prefer: HonorNonIndexedQueriesWarningMayFailRandomly' header to allow this, but be warned that " +
            'such queries may fail on large lists.',
        );
      }
    }
    // The index narrows first; the other clauses (indexed or not, with the Prefer header) then
    // filter what it found. Without a usable index the whole list is scanned.
    const seek = indexSeek(node, (f) => column(f)?.indexed === true);
    const candidates = seek ? items.filter((it) => matches(seek, it.fields)) : items;
    if (candidates.length > LIST_VIEW_THRESHOLD) return thresholdRefusal();
    items = candidates.filter((it) => matches(node, it.fields));
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

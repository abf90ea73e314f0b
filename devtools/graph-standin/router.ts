// Dispatches one Graph call (alone or from a $batch) to the lists and drive handlers.
import type { Store } from './store';
import type { Drive } from './drive';
import { graphError, json, type StandInRequest, type StandInResponse } from './http-types';
import { createColumn, createList, findList, listView, patchColumn } from './lists';
import { createItem, getItem, deleteItem, patchItemFields, queryItems } from './items';
import { checkMemberGroups, meView } from './users';

const SITE_BY_PATH = /^\/sites\/([^/:]+):(\/[^:]*):?$/;
// A site's default library; `/drives/{id}` also works, the stand-in's drive id being the site id.
const DRIVE_PATH =
  /^\/(?:sites|drives)\/([^/]+)(?:\/drive)?\/root:\/(.+?):?(\/content|\/createUploadSession)?$/;

/** Resource units a call costs, after SharePoint's published table: reads 1, writes and multi-item reads 2. */
export function costOf(req: Pick<StandInRequest, 'method' | 'path'>): number {
  if (req.method === 'GET') return /\/items$|\/lists$|\/columns$/.test(req.path) ? 2 : 1;
  return 2;
}

export function isWrite(method: string): boolean {
  return method !== 'GET';
}

export function route(store: Store, drive: Drive, req: StandInRequest): StandInResponse {
  const { method, path } = req;
  if (path === '/me' && method === 'GET') return json(200, meView(req.caller));
  if (path === '/me/checkMemberGroups' && method === 'POST') {
    const answer = checkMemberGroups(req.caller, req.body);
    return answer.error
      ? graphError(answer.status, 'Request_BadRequest', answer.error)
      : json(200, { value: answer.value });
  }
  const byPath = SITE_BY_PATH.exec(path);
  if (byPath && method === 'GET') {
    const site = store.siteByPath(byPath[1], byPath[2].replace(/\/$/, ''));
    return json(200, {
      id: site.id,
      name: site.path.split('/').pop(),
      displayName: site.path.split('/').pop(),
      webUrl: `https://${site.hostname}${site.path}`,
      siteCollection: { hostname: site.hostname },
    });
  }
  const drivePath = DRIVE_PATH.exec(path);
  if (drivePath) {
    const site = store.site(decodeURIComponent(drivePath[1]));
    if (!site) return graphError(404, 'itemNotFound', 'Site not found');
    const filePath = decodeURIComponent(drivePath[2]);
    if (drivePath[3] === '/content' && method === 'PUT') return drive.simplePut(site, filePath, req.body);
    if (drivePath[3] === '/createUploadSession' && method === 'POST')
      return drive.createSession(site, filePath, req.origin);
    if (!drivePath[3] && method === 'GET') return drive.get(site, filePath);
    return graphError(405, 'invalidRequest', 'Method not allowed');
  }
  const parts = path.split('/').filter(Boolean);
  if (parts[0] !== 'sites' || parts.length < 2)
    return graphError(400, 'invalidRequest', `Invalid request: ${path}`);
  const site = store.site(decodeURIComponent(parts[1]));
  if (!site) return graphError(404, 'itemNotFound', 'Requested site could not be found');
  const rest = parts.slice(2);
  if (rest.length === 0 && method === 'GET')
    return json(200, { id: site.id, webUrl: `https://${site.hostname}${site.path}` });
  if (rest[0] !== 'lists') return graphError(400, 'invalidRequest', `Unsupported resource: ${path}`);
  if (rest.length === 1) {
    if (method === 'GET')
      return json(200, { value: site.lists.map((l) => listView(site, l, req.origin, false)) });
    if (method === 'POST') return createList(store, site, req);
  }
  const list = findList(site, rest[1]);
  if (!list) return graphError(404, 'itemNotFound', 'List does not exist.');
  const sub = rest.slice(2);
  const expandColumns = req.query.get('$expand')?.includes('columns') ?? false;
  if (sub.length === 0 && method === 'GET') return json(200, listView(site, list, req.origin, expandColumns));
  if (sub[0] === 'columns') {
    if (sub.length === 1 && method === 'GET') return json(200, { value: list.columns });
    if (sub.length === 1 && method === 'POST') return createColumn(store, site, list, req);
    if (sub.length === 2 && method === 'PATCH')
      return patchColumn(store, site, list, decodeURIComponent(sub[1]), req);
  }
  if (sub[0] === 'items') {
    const selfUrl = `${req.origin}/v1.0${path}`;
    if (sub.length === 1 && method === 'GET') return queryItems(site, list, req, selfUrl);
    if (sub.length === 1 && method === 'POST') return createItem(store, site, list, req);
    if (sub.length === 2 && method === 'GET') return getItem(store, site, list, sub[1], req);
    if (sub.length === 2 && method === 'DELETE') return deleteItem(store, site, list, sub[1]);
    if (sub.length === 3 && sub[2] === 'fields' && method === 'PATCH')
      return patchItemFields(store, site, list, sub[1], req);
  }
  return graphError(400, 'invalidRequest', `Unsupported request: ${method} ${path}`);
}

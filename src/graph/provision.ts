// Schema check and provisioning of the two lists. The add-in checks before every submission and
// refuses to write into a list that would lose or duplicate data; `delib sharepoint provision`
// creates what is missing and fixes what can be fixed, idempotently, and reports the rest.
import type { Text } from '../standard/types';
import { columnDefinition, type ColumnSpec, type ListSpec } from './schema';
import { GraphTransportError } from './http';
import { GraphCallError, expectOk, type GraphColumn, type SharePointSite } from './sharepoint';

export type DriftKind =
  | 'missing-list'
  | 'missing-column'
  | 'wrong-type'
  | 'not-indexed'
  | 'not-unique'
  | 'choices'
  | 'display-name'
  | 'display-as';

export interface Drift {
  kind: DriftKind;
  list: string;
  column: string | null;
  /** Blocking drift makes a submission unsafe (rows refused, or duplicates possible). */
  blocking: boolean;
  /** Provisioning can fix it without losing data. */
  fixable: boolean;
  message: Text;
}

function kindOfColumn(c: GraphColumn): ColumnSpec['kind'] | 'other' {
  if (c.text) return c.text.allowMultipleLines ? 'note' : 'text';
  if (c.number) return 'number';
  if (c.dateTime) return 'dateTime';
  if (c.choice) return 'choice';
  if (c.boolean) return 'boolean';
  return 'other';
}

export function compareList(spec: ListSpec, listName: string, columns: GraphColumn[] | null): Drift[] {
  if (!columns) {
    return [
      {
        kind: 'missing-list',
        list: listName,
        column: null,
        blocking: true,
        fixable: true,
        message: {
          ko: `SharePoint 목록 '${listName}'이(가) 없습니다.`,
          en: `The SharePoint list '${listName}' does not exist.`,
        },
      },
    ];
  }
  const drift: Drift[] = [];
  const add = (
    kind: DriftKind,
    c: ColumnSpec,
    blocking: boolean,
    fixable: boolean,
    ko: string,
    en: string,
  ): void => {
    drift.push({
      kind,
      list: listName,
      column: c.name,
      blocking,
      fixable,
      message: {
        ko: `목록 '${listName}', 열 '${c.name}'(${c.displayName.ko}): ${ko}`,
        en: `List '${listName}', column '${c.name}' (${c.displayName.en}): ${en}`,
      },
    });
  };
  for (const c of spec.columns) {
    const found = columns.find((x) => x.name === c.name);
    if (!found) {
      add('missing-column', c, true, true, '열이 없습니다.', 'the column is missing.');
      continue;
    }
    const actual = kindOfColumn(found);
    if (actual !== c.kind) {
      add(
        'wrong-type',
        c,
        true,
        false,
        `형식이 ${actual}입니다 (${c.kind} 필요).`,
        `its type is ${actual} (${c.kind} expected).`,
      );
      continue;
    }
    if (c.indexed && !found.indexed) {
      add(
        'not-indexed',
        c,
        true,
        true,
        '색인이 없습니다 (5,000행이 넘으면 조회가 실패합니다).',
        'not indexed (queries fail beyond 5,000 items).',
      );
    }
    if (c.unique && !found.enforceUniqueValues) {
      add(
        'not-unique',
        c,
        true,
        true,
        '고유 값 적용이 꺼져 있습니다 (중복 제출을 막지 못합니다).',
        'unique values are not enforced (duplicates could slip in).',
      );
    }
    const missing = (c.choices ?? []).filter((v) => !(found.choice?.choices ?? []).includes(v));
    if (missing.length > 0) {
      add(
        'choices',
        c,
        true,
        true,
        `선택 값이 없습니다: ${missing.join(', ')}`,
        `choices missing: ${missing.join(', ')}`,
      );
    }
    if (c.percent && found.number?.displayAs !== 'percentage') {
      add(
        'display-as',
        c,
        false,
        true,
        '비율이 백분율로 표시되지 않습니다 (값은 0.855처럼 비율로 저장됩니다).',
        'the rate is not shown as a percentage (values are stored as fractions such as 0.855).',
      );
    }
    if (found.displayName !== undefined && found.displayName !== c.displayName.ko) {
      add(
        'display-name',
        c,
        false,
        true,
        `표시 이름이 '${found.displayName}'입니다.`,
        `its display name is '${found.displayName}'.`,
      );
    }
  }
  return drift;
}

export async function checkSchema(site: SharePointSite, specs: ListSpec[]): Promise<Drift[]> {
  await site.siteId();
  const columns = await Promise.all(specs.map((spec) => site.columns(spec.role)));
  return specs.flatMap((spec, i) => compareList(spec, site.listRef(spec.role), columns[i]));
}

export interface ProvisionResult {
  /** What was created or changed. */
  applied: Drift[];
  /** What could not be fixed automatically (an admin must act). */
  remaining: Drift[];
}

/** Attempts per list when Graph's answer leaves it unknown whether a write took (504 after commit). */
const LIST_ATTEMPTS = 3;

const ambiguous = (e: unknown) =>
  e instanceof GraphTransportError || (e instanceof GraphCallError && e.status >= 500);

const sameDrift = (a: Drift, b: Drift) => a.kind === b.kind && a.list === b.list && a.column === b.column;

/**
 * Creates what is missing and fixes what is safe to fix. Every step is idempotent, so a write whose
 * answer was lost is settled by looking again: what was wrong before and is right now was applied,
 * whatever answer the write got.
 */
export async function provision(site: SharePointSite, specs: ListSpec[]): Promise<ProvisionResult> {
  const applied: Drift[] = [];
  const remaining: Drift[] = [];
  for (const spec of specs) {
    const listName = site.listRef(spec.role);
    const before = compareList(spec, listName, await site.columns(spec.role));
    const refused: Drift[] = [];
    for (let attempt = 1; ; attempt++) {
      try {
        await fixList(site, spec, refused);
        break;
      } catch (e) {
        if (!ambiguous(e) || attempt >= LIST_ATTEMPTS) throw e;
      }
    }
    const after = compareList(spec, listName, await site.columns(spec.role));
    applied.push(...before.filter((d) => !after.some((a) => sameDrift(a, d))));
    remaining.push(
      ...after.map((d) => (refused.some((r) => sameDrift(r, d)) ? { ...d, fixable: false } : d)),
    );
  }
  return { applied, remaining };
}

/** One pass over a list: creates it, or adds and fixes its columns; `refused` gets what Graph would not change. */
async function fixList(site: SharePointSite, spec: ListSpec, refused: Drift[]): Promise<void> {
  const siteId = encodeURIComponent(await site.siteId());
  const listName = site.listRef(spec.role);
  const columns = await site.columns(spec.role);
  const drift = compareList(spec, listName, columns);
  if (!columns) {
    expectOk(
      await site.http.send('POST', `/sites/${siteId}/lists`, {
        displayName: listName,
        description: `${spec.description.ko} / ${spec.description.en}`,
        columns: spec.columns.map(columnDefinition),
        list: { template: 'genericList' },
      }),
      `create list ${listName}`,
    );
    return;
  }
  const base = await site.listPath(spec.role);
  for (const d of drift) {
    if (!d.fixable) continue;
    const c = spec.columns.find((x) => x.name === d.column)!;
    const found = columns.find((x) => x.name === c.name);
    if (d.kind === 'missing-column') {
      expectOk(await site.http.send('POST', `${base}/columns`, columnDefinition(c)), `add column ${c.name}`);
    } else if (found) {
      const patch: Record<string, unknown> =
        d.kind === 'not-indexed'
          ? { indexed: true }
          : d.kind === 'not-unique'
            ? { indexed: true, enforceUniqueValues: true }
            : d.kind === 'choices'
              ? {
                  choice: {
                    ...found.choice,
                    choices: [...new Set([...(found.choice?.choices ?? []), ...(c.choices ?? [])])],
                  },
                }
              : d.kind === 'display-as'
                ? { number: { ...found.number, displayAs: 'percentage' } }
                : { displayName: c.displayName.ko };
      const res = await site.http.send('PATCH', `${base}/columns/${encodeURIComponent(found.id)}`, patch);
      if (res.status >= 300) {
        // e.g. duplicates already in the column make the unique constraint impossible: an admin decides.
        refused.push(d);
      }
    }
  }
}

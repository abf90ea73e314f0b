// The OData $filter subset the project sends over list items: `fields/Name eq 'x'` (also ne, gt, ge,
// lt, le) combined with `and`, `or` and parentheses. Anything else is refused the way Graph refuses it.
import type { FieldValue } from './store';

export type FilterNode =
  | { kind: 'cmp'; field: string; op: 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le'; value: FieldValue }
  | { kind: 'and' | 'or'; left: FilterNode; right: FilterNode };

export class FilterError extends Error {}

const TOKEN = /\s*(\(|\)|'(?:[^']|'')*'|[A-Za-z_][\w/]*|-?\d+(?:\.\d+)?)/y;

function tokenize(text: string): string[] {
  const out: string[] = [];
  TOKEN.lastIndex = 0;
  let pos = 0;
  while (pos < text.length) {
    if (/^\s*$/.test(text.slice(pos))) break;
    TOKEN.lastIndex = pos;
    const m = TOKEN.exec(text);
    if (!m) throw new FilterError(`Invalid filter clause near '${text.slice(pos, pos + 20)}'`);
    out.push(m[1]);
    pos = TOKEN.lastIndex;
  }
  return out;
}

export function parseFilter(text: string): FilterNode {
  const tokens = tokenize(text);
  let i = 0;
  const peek = (): string | undefined => tokens[i];
  const next = (): string => {
    const t = tokens[i++];
    if (t === undefined) throw new FilterError('Invalid filter clause: unexpected end');
    return t;
  };
  const literal = (t: string): FieldValue => {
    if (t.startsWith("'")) return t.slice(1, -1).replace(/''/g, "'");
    if (t === 'true' || t === 'false') return t === 'true';
    if (t === 'null') return null;
    if (/^-?\d/.test(t)) return Number(t);
    throw new FilterError(`Invalid filter clause: bad literal ${t}`);
  };
  const factor = (): FilterNode => {
    const t = next();
    if (t === '(') {
      const e = expr();
      if (next() !== ')') throw new FilterError('Invalid filter clause: missing )');
      return e;
    }
    if (!t.startsWith('fields/')) throw new FilterError('The provided filter statement is not supported');
    const op = next();
    if (!['eq', 'ne', 'gt', 'ge', 'lt', 'le'].includes(op))
      throw new FilterError(`Invalid filter clause: ${op}`);
    return { kind: 'cmp', field: t.slice(7), op: op as 'eq', value: literal(next()) };
  };
  const term = (): FilterNode => {
    let left = factor();
    while (peek() === 'and') {
      i++;
      left = { kind: 'and', left, right: factor() };
    }
    return left;
  };
  const expr = (): FilterNode => {
    let left = term();
    while (peek() === 'or') {
      i++;
      left = { kind: 'or', left, right: term() };
    }
    return left;
  };
  const e = expr();
  if (i !== tokens.length) throw new FilterError('Invalid filter clause: trailing tokens');
  return e;
}

export function filterFields(node: FilterNode): string[] {
  return node.kind === 'cmp' ? [node.field] : [...filterFields(node.left), ...filterFields(node.right)];
}

export function matches(node: FilterNode, fields: Record<string, FieldValue>): boolean {
  if (node.kind !== 'cmp') {
    return node.kind === 'and'
      ? matches(node.left, fields) && matches(node.right, fields)
      : matches(node.left, fields) || matches(node.right, fields);
  }
  const v = fields[node.field] ?? null;
  const w = node.value;
  switch (node.op) {
    case 'eq':
      return v === w;
    case 'ne':
      return v !== w;
    default: {
      if (v === null || w === null) return false;
      const c = v < w ? -1 : v > w ? 1 : 0;
      return node.op === 'gt' ? c > 0 : node.op === 'ge' ? c >= 0 : node.op === 'lt' ? c < 0 : c <= 0;
    }
  }
}

/** The comparisons joined by the top-level `and`s, in order (one node when there is no `and`). */
export function conjuncts(node: FilterNode): FilterNode[] {
  return node.kind === 'and' ? [...conjuncts(node.left), ...conjuncts(node.right)] : [node];
}

/**
 * The clause SharePoint answers from an index: the first top-level comparison on an indexed column
 * that an index can seek (`ne` cannot). Null means the query scans the whole list.
 */
export function indexSeek(node: FilterNode, indexed: (field: string) => boolean): FilterNode | null {
  return conjuncts(node).find((c) => c.kind === 'cmp' && c.op !== 'ne' && indexed(c.field)) ?? null;
}

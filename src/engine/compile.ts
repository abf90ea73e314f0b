// The standard compiled once per version (and registry) into what the per-row path runs: a plan
// per column (read by one function, rules/values.ts readCell), an evaluator per computed column,
// the row rules bound to their columns' slots, and a record type whose named getters are the
// standard's column keys. Every row then costs one array and a few calls: no lookup by key, no
// object whose shape depends on the standard (building a plain object keyed by name costs ~10 ns a
// property, more than the rest of a row's checks). No eval: the pane's CSP forbids it.
import type { StandardRegistry } from '../standard';
import type { ColumnDefinition, Standard, TableSheetDefinition } from '../standard/types';
import type { FieldValue, TableRecord } from './report';
import { computedEvaluator, type ComputedEvaluator } from './computed';
import { cellRule, rowRules } from './rules';
import type { CellPlan, RowCheck, TableSpec } from './rules/types';

export interface CompiledColumn {
  def: ColumnDefinition;
  slot: number;
  /** null for a computed column (its value comes from `compute`). */
  plan: CellPlan | null;
  compute: ComputedEvaluator | null;
}

export interface CompiledTable extends TableSpec {
  compiled: readonly CompiledColumn[];
  keys: readonly string[];
  computedColumns: readonly CompiledColumn[];
  rowChecks: readonly RowCheck[];
  /** Slots whose values together say two rows are the same forum (duplicate-row). */
  duplicateSlots: readonly number[] | null;
  idSlot: number | null;
  /** The record type of this table's standard: `new Record(row, values)`, one value per column. */
  Record: new (row: number, values: FieldValue[]) => TableRecord;
  /** All null, one per column: copied (`slice()`) for each row's values. */
  blank: readonly FieldValue[];
}

export interface CompiledStandard {
  standard: Standard;
  registry: StandardRegistry | null;
  forums: CompiledTable;
  council: CompiledTable;
}

/** Names a record uses itself; no column may take them. */
export const RESERVED_KEYS: readonly string[] = ['row', 'values', 'get', 'toJSON'];

function recordType(keys: readonly string[]): new (row: number, values: FieldValue[]) => TableRecord {
  const slots = new Map(keys.map((k, i) => [k, i]));
  class StandardRecord implements TableRecord {
    constructor(
      readonly row: number,
      readonly values: FieldValue[],
    ) {}
    get(key: string): FieldValue | undefined {
      const slot = slots.get(key);
      return slot === undefined ? undefined : this.values[slot];
    }
    toJSON(): Record<string, FieldValue> {
      const out: Record<string, FieldValue> = { row: this.row };
      keys.forEach((k, i) => (out[k] = this.values[i]));
      return out;
    }
  }
  keys.forEach((key, slot) => {
    if (RESERVED_KEYS.includes(key)) throw new Error(`'${key}' cannot be a column key`);
    Object.defineProperty(StandardRecord.prototype, key, {
      get(this: StandardRecord) {
        return this.values[slot];
      },
    });
  });
  return StandardRecord;
}

function compileTable(
  standard: Standard,
  registry: StandardRegistry | null,
  def: TableSheetDefinition,
): CompiledTable {
  const keys = def.columns.map((c) => c.key);
  if (new Set(keys).size !== keys.length) throw new Error(`'${def.name}' repeats a column key`);
  const slots = new Map(keys.map((k, i) => [k, i]));
  const compiled = def.columns.map((c, slot): CompiledColumn => ({
    def: c,
    slot,
    plan: c.computed ? null : cellRule.compile(c, { standard, registry }),
    compute: computedEvaluator(c, slots),
  }));
  const spec: TableSpec = { standard, def, slots, columns: def.columns };
  const slotOf = (key: string | undefined) => (key === undefined ? null : (slots.get(key) ?? null));
  const blank: FieldValue[] = keys.map(() => null);
  const duplicateSlots = def.duplicateKeys?.map((k) => slotOf(k)) ?? null;
  return {
    ...spec,
    compiled,
    keys,
    computedColumns: compiled.filter((c) => c.compute !== null),
    rowChecks: rowRules.map((r) => r.compile(spec)).filter((c): c is RowCheck => c !== null),
    duplicateSlots:
      duplicateSlots && duplicateSlots.every((s) => s !== null) ? (duplicateSlots as number[]) : null,
    idSlot: slotOf(def.idKey),
    Record: recordType(keys),
    blank,
  };
}

const cache = new WeakMap<Standard, Map<StandardRegistry | null, CompiledStandard>>();

export function compileStandard(standard: Standard, registry: StandardRegistry | null): CompiledStandard {
  let byRegistry = cache.get(standard);
  if (!byRegistry) cache.set(standard, (byRegistry = new Map()));
  let compiled = byRegistry.get(registry);
  if (!compiled) {
    compiled = {
      standard,
      registry,
      forums: compileTable(standard, registry, standard.sheets.forums),
      council: compileTable(standard, registry, standard.sheets.council),
    };
    byRegistry.set(registry, compiled);
  }
  return compiled;
}

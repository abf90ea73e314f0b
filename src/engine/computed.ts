// A computed column's value (참석인원(계) = Σ, 참석율 = Σ ÷ Σ) from the other values of its row.
import type { ColumnDefinition } from '../standard/types';
import type { FieldValue } from './report';

/**
 * undefined when an input is blank or unreadable (already reported), null for a ratio whose
 * denominator is 0 (an undefined rate), else the value.
 */
export type ComputedEvaluator = (values: readonly FieldValue[]) => number | null | undefined;

function sumOf(slots: readonly number[]): (values: readonly FieldValue[]) => number | undefined {
  if (slots.length === 2) {
    // The common case (행정 + 민간), without a loop.
    const [a, b] = slots;
    return (values) => {
      const x = values[a];
      const y = values[b];
      return typeof x === 'number' && typeof y === 'number' ? x + y : undefined;
    };
  }
  return (values) => {
    let total = 0;
    for (const s of slots) {
      const v = values[s];
      if (typeof v !== 'number') return undefined;
      total += v;
    }
    return total;
  };
}

export function computedEvaluator(
  def: ColumnDefinition,
  slots: ReadonlyMap<string, number>,
): ComputedEvaluator | null {
  const spec = def.computed;
  if (!spec) return null;
  const slotsOf = (keys: string[]) =>
    keys.map((k) => {
      const slot = slots.get(k);
      if (slot === undefined)
        throw new Error(`the computed column '${def.key}' uses the unknown column '${k}'`);
      return slot;
    });
  if (spec.kind === 'sum') return sumOf(slotsOf(spec.of));
  const numerator = sumOf(slotsOf(spec.numerator));
  const denominator = sumOf(slotsOf(spec.denominator));
  return (values) => {
    const n = numerator(values);
    const d = denominator(values);
    return n === undefined || d === undefined ? undefined : d === 0 ? null : n / d;
  };
}

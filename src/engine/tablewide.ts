// Findings that no single row can decide: a repeated 연번, a gap in the numbering, two rows for
// the same meeting. They are derived from indexes that the incremental path keeps up to date, so
// a one-row edit never re-reads the table.
import type { Standard } from '../standard/types';
import type { Finding } from './report';
import { cellAddress } from './snapshot';
import { makeFinding } from './findings';

/**
 * Key → the Excel rows holding it, in ascending order. Almost every key has one row, so that
 * case is stored as a bare number: a full pass indexes every row and must not allocate for it.
 */
export class RowIndex<K> {
  private readonly map = new Map<K, number | number[]>();

  add(key: K, row: number): void {
    const held = this.map.get(key);
    if (held === undefined) this.map.set(key, row);
    else if (typeof held === 'number') this.map.set(key, held < row ? [held, row] : [row, held]);
    else {
      let i = held.length;
      while (i > 0 && held[i - 1] > row) i--;
      held.splice(i, 0, row);
    }
  }

  remove(key: K, row: number): void {
    const held = this.map.get(key);
    if (held === undefined) return;
    if (typeof held === 'number') {
      if (held === row) this.map.delete(key);
      return;
    }
    const i = held.indexOf(row);
    if (i >= 0) held.splice(i, 1);
    if (held.length === 1) this.map.set(key, held[0]);
  }

  /** The first row holding the key when `row` is a later repeat of it; null otherwise. */
  firstBefore(key: K, row: number): number | null {
    const held = this.map.get(key);
    return held !== undefined && typeof held !== 'number' && held[0] !== row ? held[0] : null;
  }
}

export interface Column {
  sheet: string;
  column: number | undefined;
}

function placeIn(col: Column, row: number, field: string) {
  return {
    sheet: col.sheet,
    cell: col.column === undefined ? null : cellAddress(col.column, row),
    row,
    field,
  };
}

/** A repeat of 연번 (error) or of 일자·명칭·유형 (warning), pointing at the first occurrence. */
export function repeatFinding(
  standard: Standard,
  code: 'duplicate-id' | 'duplicate-row',
  col: Column,
  field: string,
  row: number,
  value: string | number,
  firstRow: number,
): Finding {
  return makeFinding(standard, code, placeIn(col, row, field), value, {
    detailKo: firstRow,
    detailEn: firstRow,
  });
}

/**
 * Numbering jumps forward past the next number (…19, 200 …). A step back (200, 21) is not a gap:
 * the row that jumped is the one to fix, and flagging its successor too would be noise.
 */
export function gapFinding(
  standard: Standard,
  col: Column,
  field: string,
  row: number,
  id: number,
  previous: number,
): Finding {
  const missing = id - previous === 2 ? `${previous + 1}` : `${previous + 1}–${id - 1}`;
  return makeFinding(standard, 'id-gap', placeIn(col, row, field), id, {
    detailKo: missing,
    detailEn: missing,
  });
}

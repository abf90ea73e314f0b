// Injectable faults, drawn from a seeded generator so a failing run can be replayed with its seed.

export interface Faults {
  /** Share of writes answered 503 without being committed. */
  unavailable?: number;
  /** Share of writes committed and then answered 504 (the ambiguous failure). */
  timeoutAfterCommit?: number;
  /** Share of HTTP requests carrying a write whose connection is dropped after the writes committed. */
  dropAfterCommit?: number;
  /** Share of requests delayed by `slowMs` more. */
  slow?: number;
  slowMs?: number;
}

export { seededRandom } from '../../src/workbook/seeded-random';

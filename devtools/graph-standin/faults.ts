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

/** mulberry32: small, fast and good enough to spread faults. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

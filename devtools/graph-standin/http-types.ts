// The shape one Graph call takes inside the stand-in, whether it came alone or inside a $batch.
import type { StandInUser } from './users';

export interface StandInRequest {
  method: string;
  /** Path after the version segment, e.g. `/sites/x/lists/y/items`. */
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  /** Parsed JSON for JSON bodies, the raw bytes for uploads. */
  body: unknown;
  /** Origin the client used, for URLs the stand-in hands out. */
  origin: string;
  /** Who the bearer token names (batch members inherit the batch's caller). */
  caller: StandInUser;
  /** The stand-in's clock when the call runs (ISO), the only time it records on items. */
  at: string;
}

export interface StandInResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
  /** True when the request changed stored data (the fault injector acts only on writes). */
  wrote?: boolean;
  /** A query refused by the list view threshold (counted apart from throttling). */
  threshold?: boolean;
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): StandInResponse {
  return { status, headers: { 'Content-Type': 'application/json', ...headers }, body };
}

/** Graph's error envelope. */
export function graphError(status: number, code: string, message: string): StandInResponse {
  return json(status, {
    error: {
      code,
      message,
      innerError: {
        date: new Date().toISOString(),
        'request-id': cryptoId(),
        'client-request-id': cryptoId(),
      },
    },
  });
}

let counter = 0;
function cryptoId(): string {
  counter++;
  return `00000000-0000-4000-8000-${counter.toString(16).padStart(12, '0')}`;
}

// The pacer learns the refill rate from RateLimit headers and spaces requests instead of hitting 429.
import { Pacer } from '../../src/graph/pacer';
import { retryDelayMs, defaultRetryPolicy } from '../../src/graph/middleware';

test('after the headers appear, spending waits for the refill rate', async () => {
  let now = 0;
  const pacer = new Pacer(() => now);
  await pacer.acquire(40);
  pacer.release(40);
  // 1,200 units a minute: 100 left, full again in 55 s → 20 units per second.
  pacer.observe({ 'ratelimit-limit': '1200', 'ratelimit-remaining': '100', 'ratelimit-reset': '55' });
  await pacer.acquire(80);
  let done = false;
  const waiting = pacer.acquire(40).then(() => (done = true));
  await new Promise((r) => setTimeout(r, 30));
  expect(done).toBe(false);
  now += 2000;
  await waiting;
  expect(done).toBe(true);
});

test('units reserved by requests still in flight count against the estimate', async () => {
  let now = 0;
  const pacer = new Pacer(() => now);
  pacer.observe({ 'ratelimit-limit': '100', 'ratelimit-remaining': '20', 'ratelimit-reset': '8' });
  await pacer.acquire(20);
  pacer.observe({ 'ratelimit-limit': '100', 'ratelimit-remaining': '20', 'ratelimit-reset': '8' });
  let done = false;
  const p = pacer.acquire(20).then(() => (done = true));
  await new Promise((r) => setTimeout(r, 20));
  expect(done).toBe(false);
  pacer.release(20);
  now += 2000;
  await p;
});

test('Retry-After is honoured with at most 20% jitter and capped', () => {
  const policy = { ...defaultRetryPolicy, random: () => 1, maxDelayMs: 5000 };
  expect(retryDelayMs('2', 0, policy)).toBe(2400);
  expect(retryDelayMs('120', 0, policy)).toBe(5000);
  expect(retryDelayMs('0.5', 0, { ...policy, random: () => 0 })).toBe(500);
});

test('without headers the refill rate is measured between two 429s; a 429 too soon halves the guess', async () => {
  let now = 0;
  const pacer = new Pacer(() => now);
  const spend = async (units: number) => {
    for (let i = 0; i < units / 40; i++) {
      await pacer.acquire(40);
      pacer.release(40);
    }
  };
  await spend(600);
  expect(pacer.learned.from).toBeNull();
  // The first 429: Retry-After 20 ms for a 2-unit member bounds the rate at 0.1 unit/ms; start at half.
  pacer.throttled(20, 2);
  expect(pacer.learned).toEqual({ unitsPerSecond: 50, from: 'throttling', measured: false });
  // Another 429 before enough units passed to measure anything: the guess was too high.
  now = 25;
  pacer.release(0, 40);
  pacer.throttled(20, 2);
  expect(pacer.learned.unitsPerSecond).toBe(25);
  // 400 more units accepted over the next 400 ms, then a 429: 440 units in 425 ms since the first.
  now = 425;
  pacer.release(0, 400);
  pacer.throttled(20, 2);
  expect(pacer.learned.measured).toBe(true);
  expect(pacer.learned.unitsPerSecond).toBeCloseTo((440 / 425) * 1000, 6);
  // Refusals during the pause are the same event, and a 429 without Retry-After teaches nothing.
  now = 430;
  pacer.throttled(20, 2);
  now = 2000;
  pacer.throttled(5000, 2, false);
  expect(pacer.learned.unitsPerSecond).toBeCloseTo((440 / 425) * 1000, 6);
});

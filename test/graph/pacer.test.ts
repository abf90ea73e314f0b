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

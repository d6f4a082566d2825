import { describe, expect, it } from 'vitest';
import { backoffDelay, parseRetryAfter } from '../../scripts/runtime/client.ts';
import { MemoryIdempotencyStore } from '../../scripts/runtime/idempotency.ts';

describe('client backoff', () => {
  const options = { attempts: 3, baseDelayMs: 1000, maxDelayMs: 30000 };
  it('uses full jitter between 0 and base × 2^(retry-1), capped', () => {
    expect(backoffDelay(1, null, options, () => 0.999)).toBe(999);
    expect(backoffDelay(3, null, options, () => 0.5)).toBe(2000);
    expect(backoffDelay(10, null, options, () => 0.5)).toBe(15000);
    expect(backoffDelay(2, null, options, () => 0)).toBe(0);
  });
  it('honours Retry-After in seconds and as an HTTP date, capped', () => {
    const now = Date.parse('2026-11-22T10:00:00Z');
    expect(parseRetryAfter('7', now)).toBe(7000);
    expect(parseRetryAfter('Sun, 22 Nov 2026 10:00:30 GMT', now)).toBe(30000);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(backoffDelay(1, '120', options, () => 0.5, now)).toBe(30000);
  });
});

describe('the in-memory idempotency store', () => {
  it('replays, refuses another body, reports in-flight, expires after the retention', async () => {
    let now = 0;
    const store = new MemoryIdempotencyStore(1000, () => now);
    expect(await store.begin('k', 'a')).toEqual({ state: 'new' });
    expect(await store.begin('k', 'a')).toEqual({ state: 'in-flight' });
    expect(await store.begin('k', 'b')).toEqual({ state: 'conflict' });
    await store.complete('k', { status: 201, headers: {}, body: { id: 1 } });
    expect(await store.begin('k', 'a')).toEqual({ state: 'replay', response: { status: 201, headers: {}, body: { id: 1 } } });
    now = 1000;
    expect(await store.begin('k', 'b')).toEqual({ state: 'new' });
    await store.abort('k');
    expect(await store.begin('k', 'c')).toEqual({ state: 'new' });
  });
});

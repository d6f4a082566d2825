/**
 * The client's cursor pagination (#18) against the generated server on 127.0.0.1: every item of
 * every page in order, the caller's `limit` on every request, no request after the last page, the
 * client's retries on a page that fails once, and clear errors where a loop would never end.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import { createPaymentsClient, PageError } from '../../generated/payments/client.ts';
import { createPaymentsQueries } from '../../generated/payments/react-query.ts';
import { createPaymentsServer, type Handlers } from '../../generated/payments/server.ts';
import type { components } from '../../generated/payments/schema.d.ts';

type Payment = components['schemas']['Payment'];

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

const payment = (n: number): Payment => ({
  id: `pay_${n}`,
  status: 'succeeded',
  amount: { value: `${n}.00`, currency: 'EUR' },
  refunded_amount: { value: '0.00', currency: 'EUR' },
  payment_method: { type: 'wallet' },
  created_at: '2026-11-22T10:00:00Z',
});

/** A payments server whose list pages through `total` payments; `seen` records each request's query. */
async function listing(total: number, options: { failFirst?: number; stuckCursor?: boolean } = {}) {
  const seen: Array<{ cursor?: string; limit?: number }> = [];
  let failures = options.failFirst ?? 0;
  const all = Array.from({ length: total }, (_, i) => payment(i + 1));
  const list: Handlers['listPayments'] = async ({ query }) => {
    seen.push({ ...(query.cursor !== undefined ? { cursor: query.cursor } : {}), ...(query.limit !== undefined ? { limit: query.limit } : {}) });
    if (failures-- > 0)
      return {
        status: 429,
        headers: { 'Retry-After': '0' },
        body: { type: 'https://api.acme-platform.com/problems/rate-limited', title: 'Too many requests', status: 429 },
      };
    const start = query.cursor ? Number(query.cursor.slice(2)) : 0;
    const limit = query.limit ?? 20;
    const end = Math.min(start + limit, total);
    const next = options.stuckCursor ? 'c_0' : end < total ? `c_${end}` : null;
    return { status: 200, body: { items: all.slice(start, end), next_cursor: next } };
  };
  const server = createServer(createPaymentsServer({ listPayments: list }, { allowUnimplemented: true }));
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const api = createPaymentsClient({ baseUrl, token: () => 't', retry: { baseDelayMs: 1, maxDelayMs: 5 } });
  return { api, seen };
}

describe('client.paginate', () => {
  it('yields every item of every page in order, sends the limit on every request and stops after the last page', async () => {
    const { api, seen } = await listing(7);
    const items: Payment[] = [];
    for await (const item of api.paginate('/v1/payments', { params: { query: { limit: 3 } } })) items.push(item);
    expect(items.map((p) => p.id)).toEqual(['pay_1', 'pay_2', 'pay_3', 'pay_4', 'pay_5', 'pay_6', 'pay_7']);
    expect(seen).toEqual([{ limit: 3 }, { cursor: 'c_3', limit: 3 }, { cursor: 'c_6', limit: 3 }]);
  });

  it('fetches the next page only when iteration gets there: breaking out early asks for nothing more', async () => {
    const { api, seen } = await listing(50);
    for await (const item of api.paginate('/v1/payments', { params: { query: { limit: 10 } } })) if (item.id === 'pay_4') break;
    expect(seen).toHaveLength(1);
  });

  it('resumes from a cursor the caller passes, and yields nothing for an empty list', async () => {
    const { api, seen } = await listing(5);
    const ids: string[] = [];
    for await (const item of api.paginate('/v1/payments', { params: { query: { cursor: 'c_3', limit: 10 } } })) ids.push(item.id);
    expect(ids).toEqual(['pay_4', 'pay_5']);
    expect(seen[0]).toEqual({ cursor: 'c_3', limit: 10 });
    const empty = await listing(0);
    const none: unknown[] = [];
    for await (const item of empty.api.paginate('/v1/payments')) none.push(item);
    expect(none).toEqual([]);
  });

  it('retries a page that was refused with 429 like any other call, and carries on', async () => {
    const { api, seen } = await listing(4, { failFirst: 1 });
    const ids: string[] = [];
    for await (const item of api.paginate('/v1/payments', { params: { query: { limit: 2 } } })) ids.push(item.id);
    expect(ids).toEqual(['pay_1', 'pay_2', 'pay_3', 'pay_4']);
    expect(seen).toEqual([{ limit: 2 }, { limit: 2 }, { cursor: 'c_2', limit: 2 }]);
  });

  it('throws PageError with the status and problem of a page that fails for good', async () => {
    const { api } = await listing(4, { failFirst: 10 });
    const failure = await (async () => {
      for await (const _ of api.paginate('/v1/payments')) void _;
    })().catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(PageError);
    expect(failure).toMatchObject({ status: 429, problem: { title: 'Too many requests' } });
  });

  it('stops with PageError when the server hands back a cursor it gave before, instead of looping forever', async () => {
    const { api, seen } = await listing(10, { stuckCursor: true });
    const failure = await (async () => {
      for await (const _ of api.paginate('/v1/payments', { params: { query: { limit: 2 } } })) void _;
    })().catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(PageError);
    expect(String((failure as { problem: { title: string } }).problem?.title)).toMatch(/cursor c_0 twice/);
    expect(seen).toHaveLength(2);
  });

  it('refuses a path that is not a cursor-paginated list', async () => {
    const { api } = await listing(1);
    const iterator = (api.paginate as (path: string) => AsyncGenerator<unknown>)('/v1/payments/{payment_id}');
    await expect(iterator.next()).rejects.toThrow(/not a cursor-paginated list/);
  });
});

// gcTime Infinity: React Query sets no garbage-collection timer, which would keep the test worker alive for 5 minutes.
describe('infiniteListOptions (React Query), without React', () => {
  it('asks for the first page without a cursor, each next page with the previous next_cursor, and has no next page after the last', async () => {
    const { api, seen } = await listing(5);
    const queries = createPaymentsQueries(api);
    const client = new QueryClient({ defaultOptions: { queries: { retry: false, gcTime: Number.POSITIVE_INFINITY } } });
    const options = queries.infiniteListOptions('/v1/payments', { params: { query: { limit: 2 } } });
    expect(options.queryKey).toEqual(['get', '/v1/payments', { params: { query: { limit: 2 } } }, 'infinite']);
    const data = await client.fetchInfiniteQuery({ ...options, pages: 5 });
    expect(data.pages.map((page) => page.items.map((p) => p.id))).toEqual([['pay_1', 'pay_2'], ['pay_3', 'pay_4'], ['pay_5']]);
    expect(data.pageParams).toEqual([null, 'c_2', 'c_4']);
    expect(seen).toEqual([{ limit: 2 }, { cursor: 'c_2', limit: 2 }, { cursor: 'c_4', limit: 2 }]);
    expect(options.getNextPageParam(data.pages[2]!, data.pages, 'c_4', data.pageParams)).toBeNull();
  });

  it('fails the query with PageError carrying the status and problem', async () => {
    const { api } = await listing(3, { failFirst: 10 });
    const client = new QueryClient({ defaultOptions: { queries: { retry: false, gcTime: Number.POSITIVE_INFINITY } } });
    const options = createPaymentsQueries(api).infiniteListOptions('/v1/payments', undefined);
    await expect(client.fetchInfiniteQuery(options)).rejects.toMatchObject({ name: 'PageError', status: 429 });
  });
});

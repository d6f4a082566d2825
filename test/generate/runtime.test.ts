import { afterEach, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createOrdersClient } from '../../generated/orders/client.ts';
import { createOrdersServer, type Handlers as OrdersHandlers } from '../../generated/orders/server.ts';
import { createPaymentsClient } from '../../generated/payments/client.ts';
import { createPaymentsServer, type Handlers as PaymentsHandlers } from '../../generated/payments/server.ts';
import { createFeedbackClient } from '../../generated/feedback/client.ts';
import { createFeedbackServer, type Handlers as FeedbackHandlers } from '../../generated/feedback/server.ts';
import type { components as P } from '../../generated/payments/schema.d.ts';
import type { components as O } from '../../generated/orders/schema.d.ts';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

async function listen(app: (req: any, res: any) => void): Promise<string> {
  const server = createServer(app);
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const token = () => 'test-token';
const fast = { retry: { baseDelayMs: 1, maxDelayMs: 5 } };
const problem = (status: number) => ({ type: 'https://api.acme-platform.com/problems/x', title: 'x', status });

function paymentsHandlers(sideEffects: { created: number } = { created: 0 }, delayMs = 0): PaymentsHandlers {
  const payments = new Map<string, P['schemas']['Payment']>();
  const make = (amount: P['schemas']['Money']): P['schemas']['Payment'] => ({
    id: `pay_${payments.size + 1}`,
    status: 'succeeded',
    amount,
    refunded_amount: { value: '0.00', currency: amount.currency },
    payment_method: { type: 'wallet' },
    created_at: '2026-11-22T10:00:00Z',
  });
  return {
    createPayment: async ({ body }) => {
      sideEffects.created++;
      if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
      const p = make(body.amount);
      payments.set(p.id, p);
      return { status: 201, body: p };
    },
    getPayment: async ({ params }) => {
      const p = payments.get(params.payment_id);
      return p ? { status: 200, body: p } : { status: 404, body: problem(404) };
    },
    listPayments: async () => ({ status: 200, body: { items: [...payments.values()], next_cursor: null } }),
    capturePayment: async ({ params }) => ({ status: 200, body: payments.get(params.payment_id)! }),
    cancelPayment: async ({ params }) => ({
      status: 200,
      body: { ...payments.get(params.payment_id)!, status: 'canceled', cancellation_details: { party: 'merchant', reason: 'canceled_by_merchant' } },
    }),
    createRefund: async ({ body }) => ({
      status: 201,
      body: { id: 'rfd_1', payment_id: body.payment_id, status: 'pending', amount: body.amount, created_at: '2026-11-22T10:00:00Z' },
    }),
    getRefund: async () => ({ status: 404, body: problem(404) }),
    listRefunds: async () => ({ status: 200, body: { items: [], next_cursor: null } }),
    listPaymentEvents: async () => ({ status: 200, body: { items: [], next_cursor: 'c_0' } }),
  };
}

describe('generated payments server and client over HTTP', () => {
  it('create, read and list: money stays a string', async () => {
    const url = await listen(createPaymentsServer(paymentsHandlers()));
    const api = createPaymentsClient({ baseUrl: url, token, ...fast });
    const created = await api.POST('/v1/payments', { body: { amount: { value: '0.20', currency: 'EUR' }, payment_method_token: 'pmt_1' } });
    expect(created.response.status).toBe(201);
    expect(created.data?.amount).toEqual({ value: '0.20', currency: 'EUR' });
    const read = await api.GET('/v1/payments/{payment_id}', { params: { path: { payment_id: created.data!.id } } });
    expect(read.data?.id).toBe(created.data!.id);
    const list = await api.GET('/v1/payments', { params: { query: { limit: 10 } } });
    expect(list.data?.items).toHaveLength(1);
    const missing = await api.GET('/v1/payments/{payment_id}', { params: { path: { payment_id: 'nope' } } });
    expect(missing.response.status).toBe(404);
    expect(missing.response.headers.get('content-type')).toMatch(/application\/problem\+json/);
  });

  it('answers an invalid request with 400 problem+json listing the violations', async () => {
    const sideEffects = { created: 0 };
    const url = await listen(createPaymentsServer(paymentsHandlers(sideEffects)));
    const response = await fetch(`${url}/v1/payments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer t', 'idempotency-key': crypto.randomUUID() },
      body: JSON.stringify({ amount: { value: 1.5, currency: 'EUR' } }),
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/application\/problem\+json/);
    const body = await response.json();
    expect(body).toMatchObject({ status: 400, title: 'The request is not valid' });
    expect(body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(expect.arrayContaining(['/body/amount/value', '/body/payment_method_token']));
    expect(sideEffects.created).toBe(0);
  });

  it('refuses a request without a bearer token with 401 problem+json', async () => {
    const url = await listen(createPaymentsServer(paymentsHandlers()));
    const response = await fetch(`${url}/v1/payments`);
    expect(response.status).toBe(401);
    expect((await response.json()).status).toBe(401);
  });

  it('catches a handler whose response breaks the contract, without leaking internals', async () => {
    const errors: unknown[] = [];
    const handlers = paymentsHandlers();
    handlers.listPayments = async () => ({ status: 200, body: { items: [{ id: 7 }], next_cursor: null } }) as never;
    const url = await listen(createPaymentsServer(handlers, { onError: (e) => errors.push(e) }));
    const api = createPaymentsClient({ baseUrl: url, token, ...fast });
    const result = await api.GET('/v1/payments');
    expect(result.response.status).toBe(500);
    expect(result.error).toEqual({
      type: 'https://api.acme-platform.com/problems/internal',
      title: 'Internal error',
      status: 500,
      detail: 'The response did not match the contract.',
      instance: expect.stringMatching(/^urn:uuid:[0-9a-f-]{36}$/),
    });
    expect(errors).toHaveLength(1);
  });

  it('replays a repeated Idempotency-Key with the same body, refuses it with another body', async () => {
    const sideEffects = { created: 0 };
    const url = await listen(createPaymentsServer(paymentsHandlers(sideEffects)));
    const key = crypto.randomUUID();
    const send = (value: string) =>
      fetch(`${url}/v1/payments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer t', 'idempotency-key': key },
        body: JSON.stringify({ payment_method_token: 'pmt_1', amount: { currency: 'EUR', value } }),
      });
    const first = await send('5.00');
    const again = await send('5.00');
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await again.json()).toEqual(await first.json());
    const other = await send('6.00');
    expect(other.status).toBe(409);
    expect((await other.json()).detail).toMatch(/different request body/);
    expect(sideEffects.created).toBe(1);
  });

  it('50 concurrent POSTs with one Idempotency-Key cause exactly one side effect', async () => {
    const sideEffects = { created: 0 };
    const url = await listen(createPaymentsServer(paymentsHandlers(sideEffects, 50)));
    const key = crypto.randomUUID();
    const body = JSON.stringify({ payment_method_token: 'pmt_1', amount: { value: '9.99', currency: 'EUR' } });
    const statuses = await Promise.all(
      Array.from({ length: 50 }, () =>
        fetch(`${url}/v1/payments`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: 'Bearer t', 'idempotency-key': key },
          body,
        }).then((r) => r.status),
      ),
    );
    expect(sideEffects.created).toBe(1);
    expect(statuses.filter((s) => s === 201).length).toBeGreaterThanOrEqual(1);
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
  });
});

describe('the generated client resilience against a real server', () => {
  function scripted(statuses: Array<[number, Record<string, string>?]>) {
    const seen: Array<{ key: string | undefined; auth: string | undefined }> = [];
    const app = (req: any, res: any) => {
      seen.push({ key: req.headers['idempotency-key'], auth: req.headers.authorization });
      const [status, headers] = statuses[Math.min(seen.length - 1, statuses.length - 1)];
      res.writeHead(status, { 'content-type': status < 300 ? 'application/json' : 'application/problem+json', ...headers });
      res.end(
        JSON.stringify(
          status < 300
            ? {
                id: 'pay_1',
                status: 'succeeded',
                amount: { value: '1.00', currency: 'EUR' },
                refunded_amount: { value: '0.00', currency: 'EUR' },
                payment_method: { type: 'wallet' },
                created_at: '2026-11-22T10:00:00Z',
              }
            : problem(status),
        ),
      );
    };
    return { app, seen };
  }
  const create = (api: ReturnType<typeof createPaymentsClient>) =>
    api.POST('/v1/payments', { body: { amount: { value: '1.00', currency: 'EUR' }, payment_method_token: 'pmt_1' } });

  it('retries 503 with Retry-After, then succeeds, with the same Idempotency-Key every time', async () => {
    const { app, seen } = scripted([[503, { 'retry-after': '0' }], [503, { 'retry-after': '0' }], [201]]);
    const attempts: number[] = [];
    const api = createPaymentsClient({ baseUrl: await listen(app), token, ...fast, onAttempt: (a) => attempts.push(a.attempt) });
    const result = await create(api);
    expect(result.response.status).toBe(201);
    expect(attempts).toEqual([1, 2, 3]);
    expect(seen).toHaveLength(3);
    expect(new Set(seen.map((s) => s.key)).size).toBe(1);
    expect(seen[0].key).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('does not retry 400 or 409', async () => {
    for (const status of [400, 409]) {
      const { app, seen } = scripted([[status], [201]]);
      const api = createPaymentsClient({ baseUrl: await listen(app), token, ...fast });
      expect((await create(api)).response.status).toBe(status);
      expect(seen).toHaveLength(1);
    }
  });

  it('gives up after the configured attempts', async () => {
    const { app, seen } = scripted([[503, { 'retry-after': '0' }]]);
    const api = createPaymentsClient({ baseUrl: await listen(app), token, retry: { attempts: 4, baseDelayMs: 1, maxDelayMs: 2 } });
    expect((await create(api)).response.status).toBe(503);
    expect(seen).toHaveLength(4);
  });

  it('asks the token provider again once after a 401', async () => {
    const { app, seen } = scripted([[401], [201]]);
    const asked: boolean[] = [];
    const api = createPaymentsClient({
      baseUrl: await listen(app),
      ...fast,
      token: ({ forceRefresh }) => {
        asked.push(forceRefresh);
        return forceRefresh ? 'fresh' : 'stale';
      },
    });
    expect((await create(api)).response.status).toBe(201);
    expect(asked).toEqual([false, true]);
    expect(seen.map((s) => s.auth)).toEqual(['Bearer stale', 'Bearer fresh']);
  });

  it('times out a hanging request', async () => {
    const app = () => undefined; // never answers
    const api = createPaymentsClient({ baseUrl: await listen(app), token, timeoutMs: 100, retry: { attempts: 1 } });
    await expect(api.GET('/v1/payments')).rejects.toThrow(/timed out|timeout|aborted/i);
  });
});

describe('generated orders and feedback servers', () => {
  it('orders: ETag on GET, 412 when If-Match no longer matches', async () => {
    const order: O['schemas']['Order'] = {
      id: 'ord_1',
      status: 'searching',
      origin: { location: { lat: 55.7, lon: 37.6 } },
      destination: { location: { lat: 55.9, lon: 37.4 } },
      tariff_class: 'comfort',
      created_at: '2026-11-22T10:00:00Z',
      updated_at: '2026-11-22T10:00:00Z',
    };
    const notFound = async () => ({ status: 404 as const, body: problem(404) });
    const handlers: OrdersHandlers = {
      createOrder: async () => ({ status: 201, body: order }),
      listOrders: async () => ({ status: 200, body: { items: [order], next_cursor: null } }),
      getOrder: async (_req, ctx) => ({ status: 200, body: order, headers: { ETag: ctx.etagOf(order) } }),
      changeOrderDestination: async ({ body }, ctx) =>
        ctx.ifMatchFails(ctx.etagOf(order))
          ? { status: 412, body: problem(412) }
          : { status: 200, body: { ...order, destination: body.destination ?? order.destination } },
      cancelOrder: async () => ({ status: 204, body: undefined }),
      listCreatedOrdersHistory: async () => ({ status: 200, body: { orders_created_events: [] } }),
      listOrderEvents: async () => ({ status: 200, body: { items: [], next_cursor: 'c_0' } }),
      putWebhookEndpoint: notFound as never,
      getWebhookEndpoint: notFound,
      deleteWebhookEndpoint: async () => ({ status: 204, body: undefined }),
    };
    const api = createOrdersClient({ baseUrl: await listen(createOrdersServer(handlers)), token, ...fast });
    const read = await api.GET('/v1/orders/{order_id}', { params: { path: { order_id: 'ord_1' } } });
    const etag = read.response.headers.get('etag')!;
    expect(etag).toMatch(/^".+"$/);
    const ok = await api.PATCH('/v1/orders/{order_id}', {
      params: { path: { order_id: 'ord_1' }, header: { 'If-Match': etag } },
      body: { destination: { location: { lat: 1, lon: 2 } } },
      headers: { 'content-type': 'application/merge-patch+json' },
    });
    expect(ok.response.status).toBe(200);
    const stale = await api.PATCH('/v1/orders/{order_id}', {
      params: { path: { order_id: 'ord_1' }, header: { 'If-Match': '"old"' } },
      body: { destination: { location: { lat: 1, lon: 2 } } },
      headers: { 'content-type': 'application/merge-patch+json' },
    });
    expect(stale.response.status).toBe(412);
    const deleted = await api.DELETE('/v1/orders/{order_id}', { params: { path: { order_id: 'ord_1' }, header: {} } });
    expect(deleted.response.status).toBe(204);
  });

  it('feedback: an operation behind a feature flag answers 404 while the flag is off, with no release', async () => {
    let enabled = false;
    const saved = { order_id: 'ord_1', saved_at: '2026-11-22T10:00:00Z' };
    const handlers: FeedbackHandlers = {
      getFeedbackScreen: async () => ({
        status: 200,
        body: { order_id: 'ord_1', rating_scale: { min: 1, max: 5 }, quality_choices: [], tip_options: [{ value: '0.20', currency: 'EUR' }] },
      }),
      saveFeedback: async () => ({ status: 200, body: saved }),
      saveFeedbackV2: async () => ({ status: 200, body: saved }),
    };
    const api = createFeedbackClient({
      baseUrl: await listen(createFeedbackServer(handlers, { flags: { isEnabled: (flag) => flag === 'feedback_v2' && enabled } })),
      token,
      ...fast,
    });
    const body = { order_id: 'ord_1', rating: 5, reasons: { smooth_driving: {} }, tip: { value: '0.20', currency: 'EUR' } };
    expect((await api.POST('/v2/save-feedback', { body })).response.status).toBe(404);
    enabled = true;
    expect((await api.POST('/v2/save-feedback', { body })).response.status).toBe(200);
    expect((await api.POST('/v1/save-feedback', { body: { order_id: 'ord_1', rating: 4, reasons: ['smooth_driving'] } })).response.status).toBe(200);
  });
});

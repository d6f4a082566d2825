/**
 * One error shape: the same refused request gets the same status, Content-Type and problem body
 * from `apis mock` (Prism) and from the generated server, for every operation of every domain.
 */
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFeedbackServer } from '../../generated/feedback/server.ts';
import { createOrdersServer } from '../../generated/orders/server.ts';
import { createPaymentsServer } from '../../generated/payments/server.ts';
import { REPO } from '../helpers.ts';
import { deref, exampleRequests, type ExampleRequest } from './contract.ts';
import { startMock, type MockProcess } from './mock-process.ts';

type Json = Record<string, any>;
const factories: Record<string, (handlers: never) => RequestListener> = {
  payments: createPaymentsServer as never,
  orders: createOrdersServer as never,
  feedback: createFeedbackServer as never,
};

interface Refusal {
  name: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/** The ways a client gets a request wrong, derived from each operation's valid example request. */
function refusals(doc: Json): Refusal[] {
  const out: Refusal[] = [];
  for (const valid of exampleRequests(doc) as ExampleRequest[]) {
    const [method, template] = valid.operation.split(' ');
    const op = doc.paths[template][method.toLowerCase()];
    const { authorization: _, ...anonymous } = valid.headers;
    const base = { method: valid.method, path: valid.path };
    if ((op.security ?? doc.security ?? []).length > 0)
      out.push({ name: `${valid.operation} without credentials`, ...base, headers: anonymous, body: valid.body });
    for (const header of Object.keys(valid.headers).filter((h) => !['authorization', 'accept', 'content-type'].includes(h))) {
      const { [header]: __, ...without } = valid.headers;
      out.push({ name: `${valid.operation} without ${header}`, ...base, headers: without, body: valid.body });
    }
    if (valid.body !== undefined) {
      const media = deref(doc, deref(doc, op.requestBody).content[valid.headers['content-type']]);
      if ((deref(doc, media.schema ?? {}).required ?? []).length > 0)
        out.push({ name: `${valid.operation} with an empty object`, ...base, headers: valid.headers, body: '{}' });
      const wrong = JSON.parse(valid.body);
      if (wrong && typeof wrong === 'object' && !Array.isArray(wrong)) {
        for (const key of Object.keys(wrong)) wrong[key] = typeof wrong[key] === 'number' ? 'not a number' : 12345;
        wrong.no_such_field = true;
        out.push({ name: `${valid.operation} with wrong types and an extra field`, ...base, headers: valid.headers, body: JSON.stringify(wrong) });
      }
      out.push({ name: `${valid.operation} as text/plain`, ...base, headers: { ...valid.headers, 'content-type': 'text/plain' }, body: 'hello' });
    }
    const params = [...(doc.paths[template].parameters ?? []), ...(op.parameters ?? [])];
    if (params.some((p: Json) => p.$ref?.endsWith('/Limit') || p.name === 'limit'))
      out.push({ name: `${valid.operation} with limit=100000`, ...base, path: `${valid.path.split('?')[0]}?limit=100000`, headers: valid.headers });
  }
  const [first] = exampleRequests(doc) as ExampleRequest[];
  out.push({ name: 'an unknown path', method: 'GET', path: '/v1/no-such-thing', headers: first.headers });
  const withoutDelete = Object.keys(doc.paths).find((p) => !doc.paths[p].delete && !p.includes('{'))!;
  out.push({ name: `DELETE ${withoutDelete}`, method: 'DELETE', path: withoutDelete, headers: first.headers });
  return out;
}

async function answer(base: string, r: Refusal) {
  const response = await fetch(`${base}${r.path}`, { method: r.method, headers: r.headers, body: r.body });
  const text = await response.text();
  return { status: response.status, contentType: response.headers.get('content-type'), body: text ? JSON.parse(text) : text };
}

describe('apis mock and the generated server refuse a request with the same problem', () => {
  let mock: MockProcess;
  const servers: Server[] = [];
  const serverUrls = new Map<string, string>();

  beforeAll(async () => {
    mock = await startMock([]);
    for (const [domain, create] of Object.entries(factories)) {
      // Handlers are never reached: every request here is refused before them.
      const handlers = new Proxy({}, { get: () => async () => ({ status: 500, body: {} }) });
      const server = createServer(create(handlers as never));
      servers.push(server);
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      serverUrls.set(domain, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    }
  }, 60_000);

  afterAll(async () => {
    await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
    if (mock) expect(await mock.stop()).toBe(0);
  });

  for (const domain of Object.keys(factories)) {
    it(`${domain}: every refusal, status, Content-Type and body alike`, async () => {
      const doc = JSON.parse(readFileSync(join(REPO, 'generated', domain, 'openapi.json'), 'utf8'));
      const cases = refusals(doc);
      expect(cases.length).toBeGreaterThan(5);
      const statuses = new Set<number>();
      for (const r of cases) {
        const fromMock = await answer(mock.urls.get(domain)!, r);
        const fromServer = await answer(serverUrls.get(domain)!, r);
        expect(fromServer, r.name).toEqual(fromMock);
        expect(fromMock.status, r.name).toBeGreaterThanOrEqual(400);
        expect(fromMock.contentType, r.name).toBe('application/problem+json');
        statuses.add(fromMock.status);
      }
      // The refusals covered more than one kind of answer, and invalid requests name what is wrong.
      expect([...statuses].sort()).toEqual([400, 401, 404, 405, 415]);
    });
  }

  it('points at the property or header itself, as the issue found them apart', async () => {
    const base = (d: string) => [mock.urls.get(d)!, serverUrls.get(d)!];
    for (const url of base('payments')) {
      const noKey = await answer(url, {
        name: 'no key',
        method: 'POST',
        path: '/v1/payments',
        headers: { authorization: 'Bearer t', 'content-type': 'application/json' },
        body: JSON.stringify({ amount: { value: '1.00', currency: 'EUR' } }),
      });
      expect(noKey.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['/body/payment_method_token', '/header/idempotency-key']);
      const anonymous = await answer(url, { name: 'anonymous', method: 'GET', path: '/v1/payments', headers: {} });
      expect(anonymous.body).toMatchObject({ type: 'https://api.acme-platform.com/problems/unauthorized', status: 401 });
      const missing = await answer(url, { name: 'missing', method: 'GET', path: '/v1/nothing', headers: { authorization: 'Bearer t' } });
      expect(missing.body).toMatchObject({ type: 'https://api.acme-platform.com/problems/not-found', status: 404 });
    }
  });
});

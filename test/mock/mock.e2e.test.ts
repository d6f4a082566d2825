import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO, git, gitRepo } from '../helpers.ts';
import { exampleRequests, responseValidator } from './contract.ts';
import { comparable, parityRequests } from './msw-parity.ts';
import { startMock, type MockProcess } from './mock-process.ts';

const DOMAINS = ['feedback', 'orders', 'payments'];
const documentOf = (domain: string) => JSON.parse(readFileSync(join(REPO, 'generated', domain, 'openapi.json'), 'utf8'));

async function call(url: string, init: RequestInit = {}) {
  const response = await fetch(url, init);
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: () => JSON.parse(text) };
}

const auth = { authorization: 'Bearer test-token' };
const paymentBody = JSON.stringify({ amount: { value: '12.50', currency: 'EUR' }, payment_method_token: 'pmt_6Jx2cQ1u8ZrT' });

describe('apis mock, all domains from one port', () => {
  let mock: MockProcess;
  beforeAll(async () => {
    mock = await startMock([]);
  }, 60_000);
  afterAll(async () => {
    expect(await mock.stop()).toBe(0);
  });

  it('prints the URL of every domain and the fault settings on start', () => {
    expect([...mock.urls.keys()]).toEqual(DOMAINS);
    for (const url of mock.urls.values()) expect(url.startsWith(mock.origin + '/')).toBe(true);
    expect(mock.output()).toMatch(/^Faults: off/m);
  });

  for (const domain of DOMAINS) {
    it(`answers every operation of ${domain}, and every declared status (Prefer: code=…), with responses that validate against the spec`, async () => {
      const doc = documentOf(domain);
      const validate = responseValidator(doc);
      const requests = exampleRequests(doc);
      expect(requests.length).toBeGreaterThan(2);
      for (const request of requests) {
        const base = `${mock.urls.get(domain)}${request.path}`;
        const plain = await call(base, { method: request.method, headers: request.headers, body: request.body });
        expect(plain.status, `${request.operation}: ${plain.text}`).toBeLessThan(300);
        expect(validate(request.operation, plain.status, plain.headers.get('content-type'), plain.text), request.operation).toEqual([]);
        for (const status of request.statuses) {
          const headers: Record<string, string> = { ...request.headers, prefer: `code=${status}` };
          if (headers['idempotency-key']) headers['idempotency-key'] = randomUUID();
          const answer = await call(base, { method: request.method, headers, body: request.body });
          expect(answer.status, `${request.operation} Prefer: code=${status}: ${answer.text}`).toBe(Number(status));
          expect(validate(request.operation, answer.status, answer.headers.get('content-type'), answer.text), `${request.operation} ${status}`).toEqual([]);
        }
      }
    }, 60_000);
  }

  it('(the response validator of these tests rejects what the contract forbids)', () => {
    const validate = responseValidator(documentOf('payments'));
    const payment = { id: 'pay_1', status: 'succeeded', amount: { value: 12.5, currency: 'EUR' }, created_at: '2026-11-02T10:15:00Z' };
    expect(validate('GET /v1/payments/{payment_id}', 200, 'application/json', JSON.stringify(payment)).join()).toMatch(/amount\/value must be string/);
    expect(validate('GET /v1/payments/{payment_id}', 402, 'application/json', '{}')).toEqual(['status 402 is not declared']);
    expect(validate('GET /v1/payments/{payment_id}', 200, 'text/html', '<p>')[0]).toMatch(/content-type text\/html is not declared/);
  });

  it('refuses an invalid request with a 400 problem that lists every violation in the body', async () => {
    const answer = await call(`${mock.urls.get('payments')}/v1/payments?limit=5000`, { headers: auth });
    expect(answer.status).toBe(400);
    expect(answer.headers.get('content-type')).toBe('application/problem+json');
    expect(answer.headers.get('sl-violations')).toBeNull();
    const problem = answer.json();
    expect(problem).toMatchObject({ status: 400, type: 'https://api.acme-platform.com/problems/validation' });
    expect(problem.errors).toEqual([{ pointer: '/query/limit', detail: expect.stringMatching(/must be <= 100/) }]);

    const body = await call(`${mock.urls.get('payments')}/v1/payments`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
      body: JSON.stringify({ amount: { value: 12.5, currency: 'EUR' } }),
    });
    expect(body.status).toBe(400);
    const pointers = body.json().errors.map((e: { pointer: string }) => e.pointer);
    expect(pointers).toEqual(['/body/amount/value', '/body/payment_method_token']);
    expect(body.json().detail).toMatch(/^2 violations of the contract/);
    expect(responseValidator(documentOf('payments'))('POST /v1/payments', 400, body.headers.get('content-type'), body.text)).toEqual([]);
  });

  it("refuses a body that is not JSON, and a request without a token gets the spec's 401", async () => {
    const broken = await call(`${mock.urls.get('payments')}/v1/payments`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
      body: '{"amount": ',
    });
    expect(broken.status).toBe(400);
    expect(broken.json().detail).toMatch(/not valid JSON/);
    const anonymous = await call(`${mock.urls.get('payments')}/v1/payments`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.json().type).toBe('https://api.acme-platform.com/problems/unauthorized');
  });

  it('replays the first answer for the same Idempotency-Key and body, and answers 409 for another body', async () => {
    const url = `${mock.urls.get('payments')}/v1/payments`;
    const key = randomUUID();
    const headers = { ...auth, 'content-type': 'application/json', 'idempotency-key': key };
    const first = await call(url, { method: 'POST', headers, body: paymentBody });
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    // The same body with its keys in another order is the same request.
    const reordered = JSON.stringify({ payment_method_token: 'pmt_6Jx2cQ1u8ZrT', amount: { currency: 'EUR', value: '12.50' } });
    const replay = await call(url, { method: 'POST', headers, body: reordered });
    expect(replay.status).toBe(201);
    expect(replay.text).toBe(first.text);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    const conflict = await call(url, { method: 'POST', headers, body: paymentBody.replace('12.50', '99.00') });
    expect(conflict.status).toBe(409);
    expect(conflict.headers.get('content-type')).toBe('application/problem+json');
    expect(conflict.json().type).toBe('https://api.acme-platform.com/problems/idempotency-key-reused');
    // Keys belong to one operation: the same key on refunds is a new request there.
    const refund = await call(`${mock.urls.get('payments')}/v1/refunds`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ payment_id: 'pay_2Xk9fQ7mR4', amount: { value: '1.00', currency: 'EUR' } }),
    });
    expect(refund.status, refund.text).toBe(201);
  });

  it('does not remember a key whose request was refused, so the corrected retry goes through', async () => {
    const url = `${mock.urls.get('payments')}/v1/payments`;
    const headers = { ...auth, 'content-type': 'application/json', 'idempotency-key': randomUUID() };
    expect((await call(url, { method: 'POST', headers, body: '{"amount":{"value":1}}' })).status).toBe(400);
    expect((await call(url, { method: 'POST', headers, body: paymentBody })).status).toBe(201);
  });

  it('injects a fault per request with the Mock-Fault header: 429 and 503 with Retry-After, delays, dropped connections', async () => {
    const url = `${mock.urls.get('payments')}/v1/payments`;
    const limited = await call(url, { headers: { ...auth, 'mock-fault': '429' } });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    expect(limited.json().type).toBe('https://api.acme-platform.com/problems/rate-limited');
    const down = await call(url, { headers: { ...auth, 'mock-fault': '503; retry-after=7' } });
    expect(down.status).toBe(503);
    expect(down.headers.get('retry-after')).toBe('7');
    expect(responseValidator(documentOf('payments'))('GET /v1/payments', 503, down.headers.get('content-type'), down.text)).toEqual([]);
    await expect(fetch(url, { headers: { ...auth, 'mock-fault': 'drop' } })).rejects.toThrow();
    const started = performance.now();
    expect((await call(url, { headers: { ...auth, 'mock-fault': 'delay=400ms' } })).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(395);
    const bad = await call(url, { headers: { ...auth, 'mock-fault': 'sometimes' } });
    expect(bad.status).toBe(400);
    expect(bad.json().detail).toMatch(/Mock-Fault header/);
  });

  it('passes Prefer: example=… through to Prism', async () => {
    const answer = await call(`${mock.urls.get('payments')}/v1/payments`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json', 'idempotency-key': randomUUID(), prefer: 'example=declined' },
      body: paymentBody,
    });
    expect(answer.status).toBe(201);
    expect(answer.json().status).toBe('canceled');
  });

  it('answers unknown domains and paths with a problem, and CORS preflights with 204', async () => {
    const nowhere = await call(`${mock.origin}/billing/v1/invoices`);
    expect(nowhere.status).toBe(404);
    expect(nowhere.json().detail).toContain('/payments/');
    expect((await call(`${mock.urls.get('payments')}/v1/nothing`, { headers: auth })).status).toBe(404);
    const preflight = await fetch(`${mock.urls.get('payments')}/v1/payments`, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:8080', 'access-control-request-method': 'POST', 'access-control-request-headers': 'idempotency-key' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('http://localhost:8080');
    expect(preflight.headers.get('access-control-allow-headers')).toBe('idempotency-key');
  });

  for (const domain of DOMAINS) {
    it(`MSW handlers of the generated package answer every request to ${domain} exactly as apis mock does (#18): statuses, examples, problems, 401, 406, 415, idempotency`, async () => {
      const { getResponse } = await import('msw');
      const module = await import(pathToFileURL(join(REPO, 'generated', domain, 'msw.js')).href);
      const baseUrl = `https://api.example.test/${domain}`;
      const handlers = module[`${domain}Handlers`]({ baseUrl });
      const requests = parityRequests(documentOf(domain));
      expect(requests.length).toBeGreaterThan(30);
      const statuses = new Set<number>();
      let replays = 0;
      for (const request of requests) {
        const init = { method: request.method, headers: request.headers, body: request.body };
        const real = await comparable(await fetch(`${mock.urls.get(domain)}${request.path}`, init));
        const msw = await getResponse(handlers, new Request(`${baseUrl}${request.path}`, init));
        expect(msw, request.label).toBeDefined();
        expect(await comparable(msw!), request.label).toEqual(real);
        statuses.add(real.status);
        if (real.headers['idempotent-replayed'] === 'true') replays++;
      }
      // The requests reach every kind of answer, so equality is not the agreement of two refusals.
      for (const status of [200, 400, 401, 404, 406, 415]) expect(statuses).toContain(status);
      if (requests.some((r) => r.label.endsWith('Idempotency-Key, replayed'))) {
        expect(replays).toBeGreaterThan(0);
        expect(statuses).toContain(409);
      }
    }, 60_000);
  }
});

describe('apis mock with faults configured', () => {
  it('fails the configured share of requests, reproducibly for a seed, and prints the settings', async () => {
    const statuses = async () => {
      const mock = await startMock(['payments', '--faults', 'rate=0.5,status=503|429,retry-after=0', '--seed', '7', '--quiet']);
      const seen: number[] = [];
      for (let i = 0; i < 40; i++) {
        const answer = await call(`${mock.urls.get('payments')}/v1/payments`, { headers: auth });
        if (answer.status !== 200) expect(answer.headers.get('retry-after')).toBe('0');
        seen.push(answer.status);
      }
      expect(mock.output()).toContain('Faults: 50 % of requests answered 503 or 429 (Retry-After: 0 s, seed 7)');
      expect(await mock.stop()).toBe(0);
      return seen;
    };
    const first = await statuses();
    expect(new Set(first)).toEqual(new Set([200, 429, 503]));
    const failed = first.filter((s) => s !== 200).length;
    expect(failed).toBeGreaterThan(10);
    expect(failed).toBeLessThan(30);
    expect(await statuses()).toEqual(first);
  }, 60_000);

  it('reads the settings from a YAML file and applies latency to every answer', async () => {
    const dir = gitRepo({ 'faults.yaml': 'rate: 1\nstatus: [429]\nretry-after: 3\nlatency: 150ms-200ms\n' });
    const mock = await startMock(['orders', '--faults', 'faults.yaml'], dir);
    expect(mock.output()).toContain('Faults: every request answered 429 (Retry-After: 3 s, seed 1); latency 150–200 ms');
    const started = performance.now();
    const answer = await call(`${mock.urls.get('orders')}/v1/orders`, { headers: auth });
    expect(performance.now() - started).toBeGreaterThanOrEqual(145);
    expect(answer.status).toBe(429);
    expect(answer.headers.get('retry-after')).toBe('3');
    expect(await mock.stop()).toBe(0);
  }, 60_000);

  it('lets the generated client with retries complete against a flaky mock, and counts its retries', async () => {
    const { createPaymentsClient } = await import('../../generated/payments/client.js');
    const mock = await startMock(['payments', '--faults', 'rate=0.6,status=503,retry-after=0', '--seed', '3', '--quiet']);
    const attempts: { attempt: number; status: number | null; willRetry: boolean }[] = [];
    const client = createPaymentsClient({
      baseUrl: mock.urls.get('payments')!,
      token: async () => 'test-token',
      retry: { attempts: 10, baseDelayMs: 1, maxDelayMs: 5 },
      onAttempt: (info) => attempts.push({ attempt: info.attempt, status: info.status, willRetry: info.willRetry }),
    });
    const listed = await client.GET('/v1/payments', { params: { query: { limit: 10 } } });
    expect(listed.response.status).toBe(200);
    const created = await client.POST('/v1/payments', { body: JSON.parse(paymentBody) });
    expect(created.response.status).toBe(201);
    const retries = attempts.filter((a) => a.willRetry);
    expect(retries.length).toBeGreaterThan(0);
    expect(retries.every((a) => a.status === 503)).toBe(true);
    // Every 503 was retried and the last attempt of each call succeeded.
    expect(attempts.length).toBe(retries.length + 2);
    expect(attempts.filter((a) => !a.willRetry).map((a) => a.status)).toEqual([200, 201]);
    expect(await mock.stop()).toBe(0);
  }, 60_000);
});

describe('apis mock --dynamic, --ref and --proxy', () => {
  it('generates data from the schemas with a fixed seed: the same answer every time, valid against the spec', async () => {
    const mock = await startMock(['orders', '--dynamic', '--seed', '42', '--quiet']);
    const first = await call(`${mock.urls.get('orders')}/v1/orders`, { headers: auth });
    const again = await call(`${mock.urls.get('orders')}/v1/orders`, { headers: auth });
    expect(first.status).toBe(200);
    expect(again.text).toBe(first.text);
    const example = documentOf('orders').paths['/v1/orders'].get.responses['200'].content['application/json'];
    expect(first.json()).not.toEqual(example.example ?? Object.values(example.examples ?? {})[0]);
    expect(responseValidator(documentOf('orders'))('GET /v1/orders', 200, first.headers.get('content-type'), first.text)).toEqual([]);
    expect(await mock.stop()).toBe(0);
  }, 60_000);

  it('serves a branch as it is there (--ref), without touching the working tree', async () => {
    const dir = gitRepo();
    git(dir, 'checkout', '-q', '-b', 'feature/tips');
    const spec = readFileSync(join(dir, 'specs', 'payments.yaml'), 'utf8');
    writeFileSync(join(dir, 'specs', 'payments.yaml'), spec.replaceAll('description: Order 72-1901\n', 'description: Order 72-1901 with tips\n'));
    git(dir, 'commit', '-qam', 'feature');
    git(dir, 'checkout', '-q', 'master');
    const feature = await startMock(['payments', '--ref', 'feature/tips', '--quiet'], dir);
    expect(feature.output()).toContain('as of feature/tips');
    const onFeature = await call(`${feature.urls.get('payments')}/v1/payments/pay_2Xk9fQ7mR4`, { headers: auth });
    expect(onFeature.json().description).toBe('Order 72-1901 with tips');
    expect(await feature.stop()).toBe(0);
    const master = await startMock(['payments', '--quiet'], dir);
    const onMaster = await call(`${master.urls.get('payments')}/v1/payments/pay_2Xk9fQ7mR4`, { headers: auth });
    expect(onMaster.json().description).toBe('Order 72-1901');
    expect(await master.stop()).toBe(0);
    expect(git(dir, 'status', '--porcelain')).toBe('');
  }, 60_000);

  it('checks a real backend as a validating proxy and prints its contract violations per request', async () => {
    const backend: Server = createServer((req, res) => {
      res.setHeader('content-type', 'application/json');
      // Money as a number: exactly what the contract forbids.
      res.end(
        JSON.stringify({ id: 'pay_1', status: 'succeeded', amount: { value: 12.5, currency: 'EUR' }, created_at: '2026-11-02T10:15:00Z', seen_path: req.url }),
      );
    });
    await new Promise<void>((resolve) => backend.listen(0, '127.0.0.1', resolve));
    const upstream = `http://127.0.0.1:${(backend.address() as AddressInfo).port}/api`;
    const proxy = await startMock(['payments', '--proxy', upstream]);
    expect(proxy.output()).toContain(`Validating proxy to ${upstream}`);
    const answer = await call(`${proxy.urls.get('payments')}/v1/payments/pay_1`, { headers: auth });
    expect(answer.status).toBe(200);
    expect(answer.json().seen_path).toBe('/api/v1/payments/pay_1');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(proxy.output()).toMatch(/GET\s+\/payments\/v1\/payments\/pay_1 200/);
    expect(proxy.output()).toMatch(/response violates the spec: \/body\/amount\/value .*string/);
    const invalid = await call(`${proxy.urls.get('payments')}/v1/payments?limit=0`, { headers: auth });
    expect(invalid.status).toBe(400);
    expect(await proxy.stop()).toBe(0);
    backend.close();
  }, 60_000);
});

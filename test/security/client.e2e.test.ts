/**
 * Attack 12: the generated client against servers that misbehave on purpose, over real HTTP on
 * 127.0.0.1. The client is the committed generated package (generated/payments), compiled JavaScript
 * as consumers import it.
 */
import { createServer, type IncomingMessage, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { parseHttpDate, parseRetryAfter } from '../../scripts/runtime/client.ts';
import { createPaymentsClient } from '../../generated/payments/client.js';

const servers: Server[] = [];
afterAll(() => {
  for (const s of servers) s.closeAllConnections();
  for (const s of servers) s.close();
});

/** A server on 127.0.0.1 that records every request it sees. */
async function serve(handler: RequestListener): Promise<{ baseUrl: string; seen: IncomingMessage[] }> {
  const seen: IncomingMessage[] = [];
  const server = createServer((req, res) => {
    seen.push(req);
    handler(req, res);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

const token = () => 'test-token';

describe('attack 12: the generated client', () => {
  it('times out when the server sends headers and then stalls the body', async () => {
    const { baseUrl } = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"id": "pay_1", ');
    });
    const client = createPaymentsClient({ baseUrl, token, timeoutMs: 300, retry: { attempts: 1 } });
    const call = client.GET('/v1/payments/{payment_id}', { params: { path: { payment_id: 'pay_1' } } });
    await expect(call).rejects.toMatchObject({ name: 'TimeoutError' });
  });

  it('times out a stalled body read as a stream, not only through json() and text()', async () => {
    const { baseUrl } = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      res.write('first bytes');
    });
    const { response } = await createPaymentsClient({ baseUrl, token, timeoutMs: 300, retry: { attempts: 1 } }).GET('/v1/payments/{payment_id}', {
      params: { path: { payment_id: 'pay_1' } },
      parseAs: 'stream',
    });
    const reader = response.body!.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toBe('first bytes');
    await expect(reader.read()).rejects.toMatchObject({ name: 'TimeoutError' });
  });

  it('an abort during a Retry-After wait rejects at once and sends nothing more', async () => {
    const { baseUrl, seen } = await serve((_req, res) => {
      res.writeHead(503, { 'content-type': 'application/problem+json', 'retry-after': '20' });
      res.end('{"type":"about:blank","title":"Service unavailable","status":503}');
    });
    const controller = new AbortController();
    const client = createPaymentsClient({ baseUrl, token, retry: { attempts: 3 } });
    const call = client.GET('/v1/payments/{payment_id}', { params: { path: { payment_id: 'pay_1' } }, signal: controller.signal });
    const outcome = call.then(
      () => 'resolved',
      (error: Error) => error.name,
    );
    await new Promise((resolve) => setTimeout(resolve, 300)); // the first answer came; the client now waits 20 s
    expect(seen).toHaveLength(1);
    const aborted = Date.now();
    controller.abort();
    expect(await outcome).toBe('AbortError');
    expect(Date.now() - aborted).toBeLessThan(5_000); // not the 20 s of Retry-After
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(seen).toHaveLength(1);
  });

  it('Retry-After values that are not RFC 9110 fall back to the normal backoff', async () => {
    for (const header of ['1.5', '-5', '2026-11-29T10:00:00Z', '5 seconds']) {
      const { baseUrl, seen } = await serve((req, res) => {
        if (seen.length === 1) {
          res.writeHead(503, { 'retry-after': header });
          res.end();
          return;
        }
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{}');
        void req;
      });
      const delays: number[] = [];
      const client = createPaymentsClient({
        baseUrl,
        token,
        retry: { attempts: 2, baseDelayMs: 40 },
        random: () => 0.5,
        sleep: (ms: number) => {
          delays.push(ms);
          return new Promise<void>((resolve) => setTimeout(resolve, ms));
        },
      });
      const { response } = await client.GET('/v1/payments/{payment_id}', { params: { path: { payment_id: 'pay_1' } } });
      expect(response.status, header).toBe(200);
      expect(delays, header).toEqual([20]); // half of the 40 ms base: the jittered backoff, not "now"
    }
  });
});

describe('RFC 9110 Retry-After and HTTP-date, in-process', () => {
  const now = Date.UTC(2026, 10, 29, 10, 0, 0);
  it('accepts delay-seconds and the three HTTP-date forms', () => {
    expect(parseRetryAfter('0', now)).toBe(0);
    expect(parseRetryAfter(' 120 ', now)).toBe(120_000);
    expect(parseRetryAfter('Sun, 29 Nov 2026 10:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Sunday, 29-Nov-26 10:01:00 GMT', now)).toBe(60_000);
    expect(parseRetryAfter('Sun Nov 29 10:00:05 2026', now)).toBe(5_000);
    expect(parseRetryAfter('Sun, 29 Nov 2026 09:00:00 GMT', now)).toBe(0); // in the past: at once
  });

  it('refuses everything else', () => {
    for (const value of ['1.5', '-5', '+5', '1e3', '', 'soon', '2026-11-29T10:00:30Z', 'Sun, 29 Nov 2026 10:00:30 +0000', 'Sun, 31 Feb 2026 10:00:30 GMT'])
      expect(parseRetryAfter(value, now), value).toBeUndefined();
    expect(parseHttpDate('Sun, 29 Nov 2026 25:00:00 GMT', now)).toBeUndefined();
  });
});

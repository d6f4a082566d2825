/**
 * The generated client as a web app ships it (#17): bundled for the browser with esbuild and run in
 * headless Chromium against a server on 127.0.0.1. Chromium's Request wants a real AbortSignal, so
 * the client must find that out by itself and still time out, retry and run middleware.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { payment as PAYMENT } from '../../scripts/bench/payment.ts';
import { launchChromium, watchedPage } from '../docs/browser.ts';
import { REPO } from '../helpers.ts';

// The page loads the bundle as an app would and hands the factory to the test.
const PAGE = `<!doctype html><title>client</title><script type="module">import { createPaymentsClient } from '/client.js'; window.createPaymentsClient = createPaymentsClient;</script>`;

describe('the generated client in a real browser (headless Chromium)', () => {
  let browser: Browser;
  let server: Server;
  let origin: string;
  const seen: Array<{ url: string; headers: IncomingHttpHeaders }> = [];

  beforeAll(async () => {
    const bundle = await build({
      stdin: { contents: `export { createPaymentsClient } from '${join(REPO, 'generated', 'payments', 'client.js')}';`, resolveDir: REPO },
      bundle: true,
      format: 'esm',
      platform: 'browser',
      write: false,
      logLevel: 'error',
    });
    const script = bundle.outputFiles[0].text;
    let unavailable = 0;
    server = createServer((req, res) => {
      const url = req.url ?? '';
      if (url === '/') return res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
      if (url === '/client.js') return res.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
      seen.push({ url, headers: req.headers });
      if (url === '/api/v1/payments/hang') return; // never answers
      if (url === '/api/v1/payments/busy' && unavailable++ < 2) return res.writeHead(503, { 'retry-after': '0' }).end();
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(PAYMENT));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  it('reads, retries, times out and runs middleware, with a real AbortSignal for each attempt', async () => {
    const { page, errors, outside } = await watchedPage(browser, origin);
    await page.goto(`${origin}/`);
    await page.waitForFunction(() => 'createPaymentsClient' in window);
    const result = await page.evaluate(async () => {
      const signals: string[] = [];
      const pageFetch = window.fetch;
      window.fetch = (input, init) => {
        signals.push(Object.prototype.toString.call(init?.signal ?? (input as Request).signal));
        return pageFetch(input, init);
      };
      // Set by the page's module script.
      const create = (window as any).createPaymentsClient;
      const options = { baseUrl: `${location.origin}/api`, token: () => 'browser', retry: { baseDelayMs: 1 } };
      const api = create(options);
      // A short timeout only where the server never answers: a loaded machine may take 300 ms for the rest.
      const impatient = create({ ...options, timeoutMs: 300, retry: { attempts: 2, baseDelayMs: 1 } });
      const get = (id: string) => api.GET('/v1/payments/{payment_id}', { params: { path: { payment_id: id } } });
      const read = await get('pay_1');
      const retried = await get('busy');
      const timedOut = await impatient.GET('/v1/payments/{payment_id}', { params: { path: { payment_id: 'hang' } } }).then(
        () => 'answered',
        (e: Error) => e.name,
      );
      api.use({
        onRequest: ({ request }: { request: Request }) => {
          request.headers.set('X-Trace', 'from-middleware');
        },
      });
      const withMiddleware = await get('pay_2');
      return { read: read.data, retried: retried.response.status, timedOut, withMiddleware: withMiddleware.response.status, signals };
    });
    expect(result.read).toEqual(PAYMENT);
    expect(result.retried).toBe(200);
    expect(result.timedOut).toBe('TimeoutError');
    expect(result.withMiddleware).toBe(200);
    // pay_1, busy ×3, hang ×2 (a GET is retried after a timeout), pay_2 with middleware.
    expect(result.signals).toEqual(Array(7).fill('[object AbortSignal]'));
    expect(seen.filter((s) => s.url === '/api/v1/payments/busy')).toHaveLength(3);
    expect(seen.find((s) => s.url === '/api/v1/payments/pay_1')?.headers.authorization).toBe('Bearer browser');
    expect(seen.find((s) => s.url === '/api/v1/payments/pay_2')?.headers['x-trace']).toBe('from-middleware');
    // Chromium logs each 503 it receives; nothing else may reach the console.
    expect(errors).toEqual(Array(2).fill('Failed to load resource: the server responded with a status of 503 (Service Unavailable)'));
    expect(outside).toEqual([]);
  });
});

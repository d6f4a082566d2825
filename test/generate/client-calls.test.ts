/**
 * How the generated client hands each call to fetch (#17): no Request of its own unless middleware
 * or a call's own fetch is there to receive one, every RequestInit member passed on, bodies sent
 * the same on every retry, and openapi-fetch's path serialisation compiled once per template.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { defaultPathSerializer } from 'openapi-fetch';
import { afterEach, describe, expect, it } from 'vitest';
import { createResilientClient, literalSafePath } from '../../scripts/runtime/client.ts';

// The client under test is not typed by a spec here.
type AnyPaths = any;
const fast = { retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 2 } };
const servers: Server[] = [];
const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
  for (const s of servers.splice(0)) s.close();
});

/** A server on 127.0.0.1 that answers `statuses` in turn and keeps what each request carried. */
async function scripted(statuses: number[]) {
  const seen: Array<{ method: string; url: string; headers: IncomingMessage['headers']; body: string }> = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('latin1') });
      const status = statuses[Math.min(seen.length - 1, statuses.length - 1)];
      res.writeHead(status, { 'content-type': 'application/json', 'retry-after': '0' });
      res.end(JSON.stringify({ n: seen.length }));
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

/** The global fetch, watched: what each call handed it. */
function watchGlobalFetch() {
  const calls: Array<{ input: unknown; init: RequestInit | undefined }> = [];
  globalThis.fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ input, init });
    return realFetch(input, init);
  }) as typeof fetch;
  return calls;
}

describe('literalSafePath', () => {
  // openapi-fetch's own serialiser, then the literal ? and # encoded: what the client did before
  // templates were compiled. Values with a `$` are left out: String.replace gave `$&` a meaning there.
  const oracle = (url: string, params: Record<string, unknown>) => defaultPathSerializer(url, params).replace(/[?#]/g, (c) => encodeURIComponent(c));
  const templates = [
    'http://h/v1/things/{id}',
    'http://h/v1/{id}:cancel',
    'http://h/files/{id}.json',
    'http://h/report{.format}',
    'http://h/report{.format*}',
    'http://h/m{;coords}',
    'http://h/m{;coords*}',
    'http://h/a/{list}/b/{list*}',
    'http://h/odd?x/{id}#frag',
    'http://h/base{weird?}/{id}',
    'http://h/no/params',
    'http://h/{id}/{id}',
  ];
  const values: Array<Record<string, unknown>> = [
    {},
    { id: 'pay_1', format: 'json', coords: 'x', list: 'a' },
    { id: 'a/b?c#d e%', format: 'a.b', coords: 'x y', list: ['a', 'b/c'] },
    { id: 42, format: ['json', 'xml'], coords: ['1', '2'], list: { k: 'v', w: 'x y' } },
    { id: true, format: { a: '1', b: '2' }, coords: { lat: '1', lon: '2' }, list: [] },
    { id: null, format: undefined, coords: '', list: ['?', '#'] },
    { id: 'ü€😀', 'weird?': 'q', list: { 'k?': 'v#' } },
  ];

  it('gives what openapi-fetch gives, for every style, explode and odd character', () => {
    for (const url of templates)
      for (const params of values) {
        expect(literalSafePath(url, params), `${url} ${JSON.stringify(params)}`).toBe(oracle(url, params));
        expect(literalSafePath(url, params), 'again, from the compiled template').toBe(oracle(url, params));
      }
  });
});

describe('createResilientClient', () => {
  it('without middleware, hands the global fetch a URL and a plain RequestInit with every member of the call', async () => {
    const { baseUrl, seen } = await scripted([200]);
    const calls = watchGlobalFetch();
    const api = createResilientClient<AnyPaths>({ baseUrl, token: () => 't' });
    const { data } = await api.GET('/v1/things/{id}', { params: { path: { id: 'a b' } }, cache: 'no-store', credentials: 'omit', keepalive: false });
    expect(data).toEqual({ n: 1 });
    expect(calls).toHaveLength(1);
    expect(calls[0].input).toBe(`${baseUrl}/v1/things/a%20b`);
    expect(calls[0].init).toMatchObject({ method: 'GET', cache: 'no-store', credentials: 'omit', keepalive: false, redirect: 'follow' });
    expect(seen[0].headers.authorization).toBe('Bearer t');
    // Node's fetch follows the light per-attempt signal: no AbortController per attempt.
    expect(calls[0].init?.signal).toBeDefined();
    expect(calls[0].init?.signal).not.toBeInstanceOf(AbortSignal);
  });

  it("the timeout and the caller's abort close the connection, through Node's fetch", async () => {
    const closed: string[] = [];
    const server = createServer((req) => req.socket.on('close', () => closed.push(req.url ?? ''))); // never answers
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const api = createResilientClient<AnyPaths>({
      baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      timeoutMs: 100,
      retry: { attempts: 1 },
    });
    await expect(api.GET('/timeout', {})).rejects.toThrow(/timed out after 100 ms/);
    const caller = new AbortController();
    setTimeout(() => caller.abort(new Error('the user left')), 50);
    await expect(api.GET('/abort', { signal: caller.signal })).rejects.toThrow('the user left');
    await expect.poll(() => closed.sort()).toEqual(['/abort', '/timeout']);
  });

  it("serialises queries as openapi-fetch does, a call's own querySerializer options included", async () => {
    const { baseUrl, seen } = await scripted([200]);
    const api = createResilientClient<AnyPaths>({ baseUrl });
    await api.GET('/q', { params: { query: { ids: ['a', 'b c'], filter: { k: 'v' }, empty: undefined } } });
    await api.GET('/q', { params: { query: { ids: ['a', 'b'] } }, querySerializer: { array: { style: 'pipeDelimited', explode: false } } });
    expect(seen.map((s) => s.url)).toEqual(['/q?ids=a&ids=b%20c&filter[k]=v', '/q?ids=a|b']);
  });

  it('middleware added with use() sees a real Request and changes what is sent; onResponse sees the answer', async () => {
    const { baseUrl, seen } = await scripted([200]);
    const calls = watchGlobalFetch();
    const api = createResilientClient<AnyPaths>({ baseUrl, token: () => 't' });
    const responses: number[] = [];
    api.use({
      onRequest: ({ request }) => {
        expect(request).toBeInstanceOf(Request);
        request.headers.set('X-Trace', 'abc');
        return new Request(request, { headers: { ...Object.fromEntries(request.headers), 'X-Replaced': 'yes' } });
      },
      onResponse: ({ response }) => {
        responses.push(response.status);
      },
    });
    const { data } = await api.GET('/v1/things/{id}', { params: { path: { id: '1' } }, cache: 'no-store' });
    expect(data).toEqual({ n: 1 });
    expect(responses).toEqual([200]);
    expect(seen[0].headers).toMatchObject({ 'x-trace': 'abc', 'x-replaced': 'yes', authorization: 'Bearer t' });
    expect(calls[0].init?.cache).toBe('no-store');
  });

  it("a call's own middleware and a call's own fetch receive real Requests; other calls stay plain", async () => {
    const { baseUrl, seen } = await scripted([200]);
    const api = createResilientClient<AnyPaths>({ baseUrl });
    const received: unknown[] = [];
    await api.GET('/a', { middleware: [{ onRequest: ({ request }) => void received.push(request) }] });
    await api.GET('/b', {
      fetch: (request: Request) => {
        received.push(request);
        return realFetch(request);
      },
    });
    const calls = watchGlobalFetch();
    await api.GET('/c', {});
    expect(received).toHaveLength(2);
    for (const r of received) expect(r).toBeInstanceOf(Request);
    expect(typeof calls[0].input).toBe('string');
    expect(seen.map((s) => s.url)).toEqual(['/a', '/b', '/c']);
  });

  it('a call no Request can carry fails at once, as Request says, without a retry or an attempt reported', async () => {
    const attempts: unknown[] = [];
    let fetched = 0;
    const api = createResilientClient<AnyPaths>({
      baseUrl: 'http://user:secret@127.0.0.1:9',
      ...fast,
      onAttempt: (a) => attempts.push(a),
      fetch: ((input: RequestInfo | URL, init?: RequestInit) => {
        fetched++;
        return realFetch(input, init);
      }) as typeof fetch,
    });
    await expect(api.GET('/x', {})).rejects.toThrow(/credentials/);
    expect(fetched).toBe(1);
    expect(attempts).toEqual([]);
  });

  it('a network error is still retried when the call is safe', async () => {
    const attempts: Array<number | null> = [];
    const api = createResilientClient<AnyPaths>({ baseUrl: 'http://127.0.0.1:9', ...fast, onAttempt: (a) => attempts.push(a.status) });
    await expect(api.GET('/x', {})).rejects.toThrow(/fetch failed/);
    expect(attempts).toEqual([null, null, null]);
  });

  it('sends the same bytes on every retry: JSON, and multipart read once with one boundary', async () => {
    const { baseUrl, seen } = await scripted([503, 503, 200]);
    const api = createResilientClient<AnyPaths>({ baseUrl, ...fast }, [{ method: 'POST', path: '/things' }]);
    await api.POST('/things', { body: { amount: '1.00' } });
    expect(seen.map((s) => s.body)).toEqual(Array(3).fill('{"amount":"1.00"}'));
    expect(new Set(seen.map((s) => s.headers['idempotency-key'])).size).toBe(1);

    seen.length = 0;
    const form = new FormData();
    form.append('file', new Blob(['bytes']), 'a.txt');
    await api.POST('/things', { body: form, bodySerializer: (b: FormData) => b });
    expect(seen).toHaveLength(3);
    expect(new Set(seen.map((s) => s.body)).size).toBe(1);
    expect(new Set(seen.map((s) => s.headers['content-type'])).size).toBe(1);
    expect(seen[0].headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
  });

  it('gives a fetch of the caller a real AbortSignal for each attempt, and every RequestInit member after middleware', async () => {
    const inits: RequestInit[] = [];
    const api = createResilientClient<AnyPaths>({
      baseUrl: 'http://127.0.0.1:9',
      fetch: (async (_input: RequestInfo | URL, init?: RequestInit) => {
        inits.push(init ?? {});
        return new Response('{}', { headers: { 'content-type': 'application/json' } });
      }) as typeof fetch,
    });
    await api.GET('/x', { credentials: 'include', cache: 'no-cache' });
    api.use({ onRequest: () => undefined });
    await api.GET('/x', { credentials: 'include', cache: 'no-cache', referrerPolicy: 'no-referrer' });
    expect(inits).toHaveLength(2);
    for (const init of inits) {
      expect(init.signal).toBeInstanceOf(AbortSignal);
      expect(init).toMatchObject({ credentials: 'include', cache: 'no-cache' });
    }
    expect(inits[1].referrerPolicy).toBe('no-referrer');
  });
});

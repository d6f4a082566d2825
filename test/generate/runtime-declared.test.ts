/**
 * The generated server's runtime on specs that are not ours (#14): declared error bodies of any
 * shape with their declared media type, class responses (4XX), and header parameters under the
 * names the types promise.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createApiServer, routeOrder, type OperationInfo } from '../../scripts/runtime/server.ts';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

// GitHub-style: errors are `{message}` as application/json, a 4XX class response, a header parameter in capitals.
const spec = {
  openapi: '3.1.0',
  info: { title: 'Repos', version: '1.0.0' },
  paths: {
    '/repos/{owner}': {
      get: {
        operationId: 'getRepo',
        parameters: [{ name: 'owner', in: 'path', required: true, schema: { type: 'string' } }, { $ref: '#/components/parameters/RequestId' }],
        responses: {
          '200': {
            description: 'ok',
            content: { 'application/json': { schema: { type: 'object', properties: { owner: { type: 'string' }, request: { type: 'string' } } } } },
          },
          '404': { $ref: '#/components/responses/NotFound' },
          '4XX': { description: 'other client errors', content: { 'application/json': { schema: { $ref: '#/components/schemas/BasicError' } } } },
        },
      },
    },
  },
  components: {
    parameters: { RequestId: { name: 'X-Request-ID', in: 'header', required: true, schema: { type: 'string' } } },
    responses: { NotFound: { description: 'not found', content: { 'application/json': { schema: { $ref: '#/components/schemas/BasicError' } } } } },
    schemas: { BasicError: { type: 'object', required: ['message'], properties: { message: { type: 'string' }, documentation_url: { type: 'string' } } } },
  },
};
const operations: Record<string, OperationInfo> = { getRepo: { method: 'get', path: '/repos/{owner}', idempotencyKey: false } };

async function serve(handler: (request: { params: { owner: string }; headers: Record<string, string> }) => unknown): Promise<string> {
  const server = createServer(createApiServer(spec, operations, { getRepo: handler as never }));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('declared responses, as declared', () => {
  it('returns a declared error body without a status field, with its declared media type', async () => {
    const url = await serve(async ({ params }) =>
      params.owner === 'ghost'
        ? { status: 404, body: { message: 'Not Found' } }
        : { status: 422, body: { message: 'Validation Failed', documentation_url: 'https://x' } },
    );
    const missing = await fetch(`${url}/repos/ghost`, { headers: { 'x-request-id': 'r1' } });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await missing.json()).toEqual({ message: 'Not Found' });
    // 422 is not declared by itself: the 4XX class response covers it.
    const invalid = await fetch(`${url}/repos/octocat`, { headers: { 'x-request-id': 'r2' } });
    expect(invalid.status).toBe(422);
    expect(await invalid.json()).toEqual({ message: 'Validation Failed', documentation_url: 'https://x' });
  });

  it('gives header parameters under their declared names (and lower-cased, as node has them)', async () => {
    let seen: Record<string, string> = {};
    const url = await serve(async ({ params, headers }) => {
      seen = headers;
      return { status: 200, body: { owner: params.owner, request: headers['X-Request-ID'] } };
    });
    const ok = await fetch(`${url}/repos/octocat`, { headers: { 'X-Request-ID': 'req-7' } });
    expect(await ok.json()).toEqual({ owner: 'octocat', request: 'req-7' });
    expect(seen['x-request-id']).toBe('req-7');
  });
});

describe('routing as OpenAPI defines it, and operations without a handler', () => {
  // Listed templated-first on purpose, in the document and in the operation map.
  const movies = {
    openapi: '3.1.0',
    info: { title: 'Movies', version: '1.0.0' },
    paths: {
      '/movies/{id}': {
        get: {
          operationId: 'getMovie',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { '200': { description: 'a movie', content: { 'application/json': { schema: { type: 'object' } } } } },
        },
      },
      '/movies/popular': {
        get: { operationId: 'listPopular', responses: { '200': { description: 'movies', content: { 'application/json': { schema: { type: 'array' } } } } } },
      },
      '/movies/{id}/rate': {
        post: {
          operationId: 'rateMovie',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { '204': { description: 'rated' } },
        },
      },
    },
  };
  const routes: Record<string, OperationInfo> = {
    getMovie: { method: 'get', path: '/movies/{id}', idempotencyKey: false },
    listPopular: { method: 'get', path: '/movies/popular', idempotencyKey: false },
    rateMovie: { method: 'post', path: '/movies/{id}/rate', idempotencyKey: false },
  };

  it('a literal path wins over a templated one, whatever the order; an operation without a handler answers 501 naming it', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (message: string) => warnings.push(message);
    let app: ReturnType<typeof createApiServer>;
    try {
      app = createApiServer(movies, routes, {
        getMovie: (async ({ params }: { params: { id: string } }) => ({ status: 200, body: { id: params.id } })) as never,
        listPopular: (async () => ({ status: 200, body: ['Heat'] })) as never,
      });
    } finally {
      console.warn = warn;
    }
    expect(warnings).toEqual(['1 operation has no handler yet and answer 501: rateMovie (POST /movies/{id}/rate)']);
    const server = createServer(app);
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    expect(await (await fetch(`${url}/movies/popular`)).json()).toEqual(['Heat']);
    expect(await (await fetch(`${url}/movies/tt0113277`)).json()).toEqual({ id: 'tt0113277' });
    const unimplemented = await fetch(`${url}/movies/tt0113277/rate`, { method: 'POST' });
    expect(unimplemented.status).toBe(501);
    expect(unimplemented.headers.get('content-type')).toBe('application/problem+json');
    expect(await unimplemented.json()).toEqual({
      type: 'https://api.acme-platform.com/problems/not-implemented',
      title: 'Not implemented',
      status: 501,
      detail: 'rateMovie (POST /movies/{id}/rate) has no handler yet.',
    });
  });

  it('orders routes segment by segment, literal before template, more literal text first, consistently', () => {
    const paths = ['/a/{x}/c', '/a/{x}', '/a/b', '/a/b/{y}', '/{z}', '/{id}.json', '/v1/orders/{id}', '/v1/order-events', '/v1/orders/history'];
    const expected = ['/a/b', '/v1/order-events', '/v1/orders/history', '/a/b/{y}', '/v1/orders/{id}', '/a/{x}', '/a/{x}/c', '/{id}.json', '/{z}'];
    expect([...paths].sort(routeOrder)).toEqual(expected);
    // Whatever the starting order, the same result: the comparator is a consistent order.
    for (let i = 0; i < 20; i++) expect([...paths].sort(() => Math.random() - 0.5).sort(routeOrder)).toEqual(expected);
  });
});

/**
 * How the generated server reads requests (#14): parameter styles, bodies and their limits,
 * 3.0 schemas, the framework's own refusals. Pure parts in-process, the wiring on 127.0.0.1.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { formBody, multipartBody } from '../../scripts/runtime/client-media.ts';
import { normaliseForValidation } from '../../scripts/runtime/normalise.ts';
import { fromPairs, fromStyled, type Serialisation } from '../../scripts/runtime/parameters.ts';
import { authenticateRequest, type RequestCredentials } from '../../scripts/runtime/security.ts';
import { createApiServer, type OperationInfo } from '../../scripts/runtime/server.ts';

const s = (name: string, shape: Serialisation['shape'], style: string, explode: boolean, properties: string[] = []): Serialisation => ({
  name,
  shape,
  style,
  explode,
  properties,
  json: false,
});

describe('parameter styles', () => {
  it('reads form, spaceDelimited, pipeDelimited and deepObject query values', () => {
    const pairs: Array<[string, string]> = [
      ['id', '1'],
      ['id', '2'],
      ['ids', '3,4'],
      ['names', 'a b'],
      ['pipes', 'x|y'],
      ['filter[status]', 'open'],
      ['filter[owner][id]', '7'],
      ['role', 'admin'],
      ['first', 'Alex'],
    ];
    const claimed = new Set(['id', 'ids', 'names', 'pipes', 'filter']);
    expect(fromPairs(pairs, s('id', 'array', 'form', true), claimed)).toEqual(['1', '2']);
    expect(fromPairs(pairs, s('ids', 'array', 'form', false), claimed)).toEqual(['3', '4']);
    expect(fromPairs(pairs, s('names', 'array', 'spaceDelimited', false), claimed)).toEqual(['a', 'b']);
    expect(fromPairs(pairs, s('pipes', 'array', 'pipeDelimited', false), claimed)).toEqual(['x', 'y']);
    expect(fromPairs(pairs, s('filter', 'object', 'deepObject', true), claimed)).toEqual({ status: 'open', owner: { id: '7' } });
    // form + explode object: its properties are keys of their own.
    expect(fromPairs(pairs, s('person', 'object', 'form', true, ['role', 'first']), claimed)).toEqual({ role: 'admin', first: 'Alex' });
    expect(fromPairs(pairs, s('absent', 'scalar', 'form', true), claimed)).toBeUndefined();
  });

  it('reads simple, label and matrix values, exploded or not', () => {
    expect(fromStyled('a,b', s('x', 'array', 'simple', false))).toEqual(['a', 'b']);
    expect(fromStyled('role=admin,first=Alex', s('x', 'object', 'simple', true))).toEqual({ role: 'admin', first: 'Alex' });
    expect(fromStyled('role,admin,first,Alex', s('x', 'object', 'simple', false))).toEqual({ role: 'admin', first: 'Alex' });
    expect(fromStyled('.a,b', s('x', 'array', 'label', false))).toEqual(['a', 'b']);
    expect(fromStyled('.a.b', s('x', 'array', 'label', true))).toEqual(['a', 'b']);
    expect(fromStyled(';x=a,b', s('x', 'array', 'matrix', false))).toEqual(['a', 'b']);
    expect(fromStyled(';x=a;x=b', s('x', 'array', 'matrix', true))).toEqual(['a', 'b']);
    expect(fromStyled(';role=admin;first=Alex', s('x', 'object', 'matrix', true))).toEqual({ role: 'admin', first: 'Alex' });
    expect(fromStyled('{"a":1}', { ...s('x', 'object', 'form', true), json: true })).toEqual({ a: 1 });
  });
});

describe('OpenAPI 3.0 schemas, normalised', () => {
  it('turns nullable and boolean exclusive bounds into 2020-12, leaving out examples, $id and $schema', () => {
    const spec = {
      openapi: '3.0.3',
      components: {
        schemas: {
          A: { type: 'string', nullable: true, enum: ['x'], example: { nullable: true } },
          B: { nullable: true, allOf: [{ $ref: '#/components/schemas/A' }], description: 'b' },
          C: { type: 'integer', minimum: 0, exclusiveMinimum: true, maximum: 9, exclusiveMaximum: false },
          D: { type: 'object', required: ['id', 'name'], properties: { id: { type: 'string', readOnly: true }, name: { type: 'string' } } },
          E: {
            $id: 'https://example.com/e',
            $schema: 'https://example.com/dialect',
            type: 'object',
            properties: { example: { type: 'string' }, $id: { type: 'string' } },
          },
        },
      },
    };
    const schemas = (normaliseForValidation(spec, 'request').components as { schemas: Record<string, unknown> }).schemas;
    // Examples are left out (Ajv reads every key: an example's `$id` twice made it refuse the spec).
    expect(schemas.A).toEqual({ type: ['string', 'null'], enum: ['x', null] });
    expect(schemas.B).toEqual({ description: 'b', anyOf: [{ allOf: [{ $ref: '#/components/schemas/A' }] }, { type: 'null' }] });
    expect(schemas.C).toEqual({ type: 'integer', exclusiveMinimum: 0, maximum: 9 });
    // Properties named like the dropped keys stay.
    expect(schemas.E).toEqual({ type: 'object', properties: { example: { type: 'string' }, $id: { type: 'string' } } });
    // A request need not send what the server sets; a response still must.
    expect((schemas.D as { required: string[] }).required).toEqual(['name']);
    const forResponses = (normaliseForValidation(spec, 'response').components as { schemas: Record<string, { required?: string[] }> }).schemas;
    expect(forResponses.D.required).toEqual(['id', 'name']);
  });
});

describe('security schemes', () => {
  const spec = {
    components: {
      securitySchemes: {
        key: { type: 'apiKey', in: 'query', name: 'api_key' },
        basic: { type: 'http', scheme: 'basic' },
        oauth: { type: 'oauth2', flows: {} },
        digest: { type: 'http', scheme: 'digest' },
      },
    },
  };
  const from = (headers: Record<string, string>, query: Record<string, string> = {}): RequestCredentials => ({
    header: (n) => headers[n.toLowerCase()],
    query: (n) => query[n],
    cookie: () => undefined,
    tlsAuthorized: false,
  });
  const request = { operationId: 'op', method: 'get', path: '/' };

  it('hands each scheme its credential, with the scopes the requirement lists', async () => {
    const seen: unknown[] = [];
    const hook = (credential: unknown) => {
      seen.push(credential);
      return { id: 'p' };
    };
    const basic = `Basic ${Buffer.from('ada:s3:cret').toString('base64')}`;
    await authenticateRequest(spec, [{ basic: [] }], from({ authorization: basic }), request, hook);
    await authenticateRequest(spec, [{ oauth: ['read'] }], from({ authorization: 'Bearer t1' }), request, hook);
    await authenticateRequest(spec, [{ key: [] }], from({}, { api_key: 'k1' }), request, hook);
    await authenticateRequest(spec, [{ digest: [] }], from({ authorization: 'Digest username="a"' }), request, hook);
    expect(seen).toEqual([
      { scheme: 'basic', scopes: [], type: 'http', httpScheme: 'basic', username: 'ada', password: 's3:cret' },
      { scheme: 'oauth', scopes: ['read'], type: 'oauth2', token: 't1' },
      { scheme: 'key', scopes: [], type: 'apiKey', in: 'query', name: 'api_key', value: 'k1' },
      { scheme: 'digest', scopes: [], type: 'http', httpScheme: 'other', authScheme: 'digest', value: 'username="a"' },
    ]);
  });

  it('passes an alternative whose schemes are all satisfied; 401 when none is; {} is anonymous access', async () => {
    const both: Array<Record<string, string[]>> = [{ key: [], basic: [] }, { oauth: [] }];
    expect(await authenticateRequest(spec, both, from({}, { api_key: 'k' }), request, undefined)).toEqual({ outcome: 401 });
    expect(await authenticateRequest(spec, both, from({ authorization: 'Bearer t' }), request, undefined)).toEqual({
      outcome: 'allowed',
      principal: undefined,
    });
    expect(await authenticateRequest(spec, [{ oauth: [] }, {}], from({}), request, () => null)).toEqual({ outcome: 'allowed', principal: undefined });
    expect(await authenticateRequest(spec, [{ oauth: [] }], from({ authorization: 'Bearer bad' }), request, () => null)).toEqual({ outcome: 401 });
  });
});

describe('client serialisation', () => {
  it('encodes form fields as the spec says: explode, delimiters, deepObject', () => {
    const body = { a: ['1', '2'], b: ['3', '4'], c: { x: 1, y: 'z' }, d: { p: 'q' }, e: 'plain text', skip: undefined };
    const encoded = formBody(body, { b: { explode: false }, c: { style: 'deepObject' } });
    expect(encoded).toBe('a=1&a=2&b=3%2C4&c%5Bx%5D=1&c%5By%5D=z&p=q&e=plain+text');
  });

  it('builds multipart with files as file parts and objects as JSON parts', async () => {
    const form = multipartBody({ file: new File(['hi'], 'a.txt', { type: 'text/plain' }), meta: { a: 1 }, tags: ['x', 'y'], n: 3 });
    expect(form.getAll('tags')).toEqual(['x', 'y']);
    expect(form.get('n')).toBe('3');
    expect([(form.get('file') as File).name, await (form.get('file') as File).text()]).toEqual(['a.txt', 'hi']);
    const meta = form.get('meta') as File;
    expect([meta.type, await meta.text()]).toEqual(['application/json', '{"a":1}']);
  });
});

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

async function serve(
  spec: Record<string, unknown>,
  operations: Record<string, OperationInfo>,
  handlers: Record<string, unknown>,
  options = {},
): Promise<string> {
  const server = createServer(createApiServer(spec, operations, handlers as never, { onError: () => {}, ...options }));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('the server on 127.0.0.1', () => {
  const spec = {
    openapi: '3.1.0',
    info: { title: 't', version: '1' },
    paths: {
      '/search': {
        get: {
          parameters: [
            { name: 'filter', in: 'query', style: 'deepObject', schema: { type: 'object', properties: { size: { type: 'integer', maximum: 10 } } } },
            { name: 'tags', in: 'query', schema: { type: 'array', items: { type: 'string' } } },
          ],
          responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object' } } } } },
        },
        delete: { responses: { '204': { description: 'gone' } } },
      },
      '/uploads': {
        post: {
          requestBody: {
            required: true,
            content: { 'multipart/form-data': { schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } } },
          },
          responses: { '204': { description: 'stored' } },
        },
        put: {
          requestBody: { content: { 'application/json': { schema: { type: 'object' } } } },
          responses: { '204': { description: 'stored' } },
        },
      },
    },
  };
  const operations: Record<string, OperationInfo> = {
    search: { method: 'get', path: '/search', idempotencyKey: false },
    clear: { method: 'delete', path: '/search', idempotencyKey: false },
    upload: { method: 'post', path: '/uploads', idempotencyKey: false },
    replace: { method: 'put', path: '/uploads', idempotencyKey: false },
  };
  const handlers = {
    search: async ({ query }: { query: unknown }) => ({ status: 200, body: query }),
    clear: async () => ({ status: 204 }),
    upload: async () => ({ status: 204 }),
    replace: async () => ({ status: 204 }),
  };

  it('parses deepObject and repeated query parameters and coerces them by schema', async () => {
    const url = await serve(spec, operations, handlers);
    const found = await fetch(`${url}/search?filter[size]=5&tags=a&tags=b&unknown=1`);
    expect(await found.json()).toEqual({ filter: { size: 5 }, tags: ['a', 'b'] });
    const tooBig = await fetch(`${url}/search?filter[size]=50`);
    expect((await tooBig.json()).errors).toEqual([{ pointer: '/query/filter/size', detail: 'must be <= 10' }]);
  });

  it('answers an undeclared method with 405 and Allow, a bad JSON body with 400, a large file with 413', async () => {
    const url = await serve(spec, operations, handlers, { fileLimit: 1000 });
    const wrongMethod = await fetch(`${url}/search`, { method: 'PATCH' });
    expect([wrongMethod.status, wrongMethod.headers.get('allow'), wrongMethod.headers.get('content-type')]).toEqual([
      405,
      'GET, DELETE',
      'application/problem+json',
    ]);
    const badJson = await fetch(`${url}/uploads`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{"a":' });
    expect([badJson.status, (await badJson.json()).detail]).toEqual([400, 'The body is not valid JSON.']);
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(5000)]), 'big.bin');
    const tooLarge = await fetch(`${url}/uploads`, { method: 'POST', body: form });
    expect([tooLarge.status, (await tooLarge.json()).detail]).toEqual([413, 'The file in file is larger than 1000 bytes.']);
    const missing = await fetch(`${url}/uploads`, { method: 'POST' });
    expect([missing.status, (await missing.json()).errors]).toEqual([400, [{ pointer: '/body', detail: 'is required' }]]);
  });
});

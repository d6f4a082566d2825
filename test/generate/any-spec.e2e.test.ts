/**
 * Generated servers and clients for documents that are not ours (#14): one fixture spec per failure
 * class found on public API descriptions (test/fixtures/any-spec). They are generated at once, a
 * team's application (app.ts) is compiled against the packages under the strictest settings, and
 * its clients call its servers on 127.0.0.1.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, expectUserError, linkNodeModules, runApis, runApisInProcess, tempRepo } from '../helpers.ts';

const FIXTURES = join(REPO, 'test', 'fixtures', 'any-spec');
const specs = readdirSync(FIXTURES).filter((f) => f.endsWith('.yaml'));

let dir: string;
let app: {
  servers: Record<string, () => import('express').Express>;
  calls: Record<string, (baseUrl: string) => Promise<Record<string, unknown>>>;
};
const running: Server[] = [];

beforeAll(async () => {
  dir = tempRepo(Object.fromEntries(specs.map((f) => [`specs/${f}`, ''])), { copySpecs: false });
  for (const f of specs) copyFileSync(join(FIXTURES, f), join(dir, 'specs', f));
  const generated = await runApis(['generate'], { cwd: dir });
  expect(generated.code, generated.stderr).toBe(0);
  // The packages as they ship: declarations and JavaScript, no TypeScript sources beside them.
  for (const file of readdirSync(join(dir, 'generated'), { recursive: true }) as string[]) {
    if (file.endsWith('.ts') && !file.endsWith('.d.ts')) rmSync(join(dir, 'generated', file));
  }
  linkNodeModules(dir);
  copyFileSync(join(FIXTURES, 'app.ts'), join(dir, 'app.ts'));
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        exactOptionalPropertyTypes: true,
        noUncheckedIndexedAccess: true,
        skipLibCheck: false,
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        target: 'ES2022',
        types: ['node'],
      },
      files: ['app.ts'],
    }),
  );
  try {
    execFileSync(join(REPO, 'node_modules', '.bin', 'tsc'), ['-p', '.'], { cwd: dir, encoding: 'utf8' });
  } catch (error) {
    throw new Error(`the application does not compile against the generated packages:\n${(error as { stdout?: string }).stdout}`);
  }
  app = await import(pathToFileURL(join(dir, 'app.js')).href);
}, 120_000);

afterAll(async () => {
  await Promise.all(running.map((s) => new Promise((resolve) => s.close(resolve))));
});

async function call(domain: string): Promise<Record<string, unknown>> {
  const server = createServer(app.servers[domain]());
  running.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return app.calls[domain](`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
}

const problem = (status: number, slug: string, extra: Record<string, unknown> = {}) =>
  expect.objectContaining({ type: `https://api.acme-platform.com/problems/${slug}`, status, ...extra });

describe('generated code for specs that are not ours', () => {
  it('declared errors: any declared body, with its declared media type, no status field needed', async () => {
    expect(await call('declared-errors')).toEqual({
      ok: 'octocat',
      missing: [404, 'application/json; charset=utf-8', { message: 'Not Found', documentation_url: 'https://docs.example/404' }],
      invalid: [422, { error: { code: 'invalid', message: 'Invalid owner' } }],
    });
  });

  it('class statuses: 4XX and 5XX answer any status of their class', async () => {
    expect(await call('class-statuses')).toEqual({ teapot: [418, { message: "I'm a teapot" }], down: [503, { message: 'maintenance' }] });
  });

  it('header parameters reach the handler under their declared names, typed', async () => {
    expect(await call('header-names')).toEqual({ echoed: { requestId: 'req-1', pageSize: 25 } });
  });

  it('operations without operationId get handlers named from method and path, a taken name a stable suffix', async () => {
    expect(await call('no-operation-id')).toEqual({ list: ['a', 'b'], created: [201, { name: 'kettle' }], one: { id: 't1' }, all: 204 });
  });

  it('a literal path wins over a template declared before it', async () => {
    expect(await call('route-order')).toEqual({ popular: ['Heat'], movie: { id: 'tt0113277' } });
  });

  it('paths with colons, dashes, dots, brackets, ! and ? route; a missing handler answers 501 naming the operation', async () => {
    expect(await call('path-syntax')).toEqual({
      cancelled: { cancelled: 'operations/42' },
      team: { org: 'acme', team: 7 },
      legacy: { up: true },
      file: [501, problem(501, 'not-implemented', { detail: 'getFileJson (GET /files/{id}.json) has no handler yet.' })],
      search: { term: 'a b?' },
    });
  });

  it('text, XML and binary bodies both ways, each with its declared Content-Type', async () => {
    expect(await call('media-types')).toEqual({
      report: ['report q3\n', 'text/plain; charset=utf-8'],
      invoice: ['%PDF-1.7 fake', 'application/pdf'],
      feed: ['<feed><entry>1</entry></feed>', 'application/xml; charset=utf-8'],
      note: [201, 'BUY MILK'],
      tooLong: [400, [{ pointer: '/body', detail: 'must NOT have more than 20 characters' }]],
      blob: { bytes: 3, first: 7 },
      document: { root: 'order' },
    });
  });

  it('form bodies: the client encodes them as the spec says, the server parses and coerces them', async () => {
    expect(await call('form')).toEqual({
      token: { grant_type: 'client_credentials', scope: ['read', 'write'], lifetime: 600, audience: ['a', 'b'] },
      invalid: [
        400,
        [
          { pointer: '/body/grant_type', detail: 'must be equal to one of the allowed values: client_credentials, refresh_token' },
          { pointer: '/body/lifetime', detail: 'must be <= 3600' },
        ],
      ],
    });
  });

  it('multipart: files reach the handler with name, media type and bytes; fields typed; a missing file is a 400', async () => {
    expect(await call('multipart')).toEqual({
      uploaded: [201, { filename: 'me.png', mediaType: 'image/png', bytes: 1024, caption: 'me', tags: ['a', 'b'], crop: { x: 1, y: 2 }, attachments: 2 }],
      missing: [400, [{ pointer: '/body/image', detail: "must have required property 'image'" }]],
    });
  });

  it('OpenAPI 3.0: nullable (with a type, without, beside allOf) and boolean exclusiveMinimum validate as 3.0 means them', async () => {
    expect(await call('nullable-30')).toEqual({
      saved: [200, { name: null, note: null, address: null, age: 1, id: 'p_1' }],
      zero: [400, [{ pointer: '/body/age', detail: 'must be > 0' }]],
    });
  });

  it('schema quirks: refs into nested definitions and into #/paths, a recursive oneOf with null, a discriminator child declaring the property, compile and validate', async () => {
    expect(await call('schema-quirks')).toEqual({
      planted: 4,
      broken: [
        400,
        [
          { pointer: '/body/next', detail: 'must be null' },
          { pointer: '/body/next', detail: 'must match exactly one schema in oneOf' },
          { pointer: '/body/next/name', detail: "must have required property 'name'" },
        ],
      ],
      found: { size: 4 },
      badId: [400, [{ pointer: '/path/id', detail: 'must match pattern "^t_[a-z0-9]+$"' }]],
      result: { class: 'Unmapped', reason: 'r1' },
    });
  });

  it('cookies and the authenticate hook: cookie parameters and apiKey, 401 and 403, Idempotency-Keys scoped by principal', async () => {
    const result = await call('cookies');
    expect(result.me).toEqual({ user: 'ada', theme: 'dark' });
    expect(result.anonymous).toEqual([401, problem(401, 'unauthorized')]);
    expect(JSON.stringify(result.anonymous)).not.toMatch(/Cannot read|undefined/);
    expect(result.banned).toEqual([403, problem(403, 'forbidden', { detail: 'This account is suspended.' })]);
    // A token refreshed between a lost answer and its retry: the same principal, so the same key.
    expect(result.transfers).toEqual([{ id: 'tr_1', by: 'ada' }, { id: 'tr_1', by: 'ada' }, 'true']);
  });

  it('a duplicate operationId or a template no server can route: generate exits 2 naming the places (lint reports duplicates too)', async () => {
    const spec = [
      'openapi: 3.1.0',
      'info: { title: Twice, version: 1.0.0 }',
      'paths:',
      '  /a:',
      '    get: { operationId: fetch, responses: { "204": { description: none } } }',
      '  /b:',
      '    get: { operationId: fetch, responses: { "204": { description: none } } }',
      '',
    ].join('\n');
    const repo = tempRepo({ 'specs/twice.yaml': spec }, { copySpecs: false });
    expectUserError(
      await runApisInProcess(['generate'], { cwd: repo }),
      'specs/twice.yaml:7',
      /operationId "fetch" is used twice: GET \/a \(line 5\) and GET \/b \(line 7\)/,
    );
    const lint = await runApisInProcess(['lint', 'specs/twice.yaml'], { cwd: repo });
    expect(lint.code).toBe(1);
    expect(lint.stdout).toMatch(/7:5 +error +operation-operationId-unique/);
    // A template the server could not route: refused naming the operation, no code that throws at start.
    writeFileSync(
      join(repo, 'specs', 'twice.yaml'),
      spec.replace('/b:', '/b/{id:').replace('operationId: fetch, responses: { "204"', 'operationId: other, responses: { "204"'),
    );
    expectUserError(await runApisInProcess(['generate'], { cwd: repo }), 'specs/twice.yaml:6', /GET \/b\/\{id: its braces do not pair up/);
  });
});

/**
 * Attack 4: a spec's `pattern` with catastrophic backtracking. Lint flags it (rule pattern-redos,
 * tested with the rules); here the running mock and a generated server get bodies that would take
 * JavaScript's engine longer than the age of the universe (each extra character doubles the time;
 * 95 bytes took 3 s). They must answer 400 and keep serving. Real processes on 127.0.0.1.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { linearRegExp } from '../../scripts/runtime/linear-patterns.ts';
import { REPO, runApis, tempRepo } from '../helpers.ts';
import { startMock } from '../mock/mock-process.ts';

const EVIL = '^([a-zA-Z !]+)+$';
const HOSTILE_NAME = `${'a'.repeat(5_000)}1`;

const spec = {
  openapi: '3.1.0',
  info: { title: 'Names', version: '1.0.0' },
  security: [{ bearer: [] }],
  paths: {
    '/v1/names': {
      post: {
        operationId: 'createName',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: { type: 'object', required: ['name'], properties: { name: { type: 'string', pattern: EVIL } }, additionalProperties: false },
            },
          },
        },
        responses: {
          '201': {
            description: 'Created.',
            content: { 'application/json': { schema: { type: 'object', properties: { name: { type: 'string' } } }, example: { name: 'x' } } },
          },
          '400': { description: 'Invalid.' },
        },
      },
    },
  },
  components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
};

const post = (url: string, name: string) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer t' }, body: JSON.stringify({ name }) });

const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) child.kill();
});

describe('attack 4: backtracking patterns cannot stall the mock or the generated server', () => {
  it('the engine keeps JSON Schema semantics: found anywhere unless anchored, flags kept, lookaround falls back', () => {
    expect(linearRegExp(EVIL, 'u').test('Hello world')).toBe(true);
    expect(linearRegExp(EVIL, 'u').test(HOSTILE_NAME)).toBe(false);
    expect(linearRegExp('b+', 'u').test('abbbc')).toBe(true);
    expect(linearRegExp('^\\p{Lu}', 'u').test('Été')).toBe(true);
    expect(linearRegExp('^(?=.*\\d)[a-z\\d]+$', 'u').test('abc1')).toBe(true); // RE2 has no lookahead: JavaScript's engine
  });

  it('the mock answers a hostile body with 400 and goes on serving', async () => {
    const dir = tempRepo({ 'specs/names.yaml': stringify(spec) }, { copySpecs: false });
    const mock = await startMock(['--quiet'], dir);
    try {
      const url = `${mock.urls.get('names')}/v1/names`;
      const [hostile, fine] = await Promise.all([post(url, HOSTILE_NAME), post(url, 'Hello world')]);
      expect(hostile.status).toBe(400);
      expect((await hostile.json()).errors[0].pointer).toMatch(/name/);
      expect(fine.status).toBe(201);
    } finally {
      await mock.stop();
    }
  }, 60_000);

  it('a generated server answers a hostile body with 400 and goes on serving', async () => {
    const dir = tempRepo({ 'specs/names.yaml': stringify(spec) }, { copySpecs: false });
    symlinkSync(join(REPO, 'node_modules'), join(dir, 'node_modules'));
    const generated = await runApis(['generate', 'names'], { cwd: dir });
    expect(generated.code, generated.stderr).toBe(0);
    writeFileSync(
      join(dir, 'serve.mjs'),
      `import { createNamesServer } from './generated/names/server.js';
const server = createNamesServer({ createName: async ({ body }) => ({ status: 201, body: { name: body.name } }) }).listen(0, '127.0.0.1', () => console.log('listening ' + server.address().port));\n`,
    );
    const child = spawn(process.execPath, ['serve.mjs'], { cwd: dir, stdio: ['ignore', 'pipe', 'inherit'] });
    children.push(child);
    const port = await new Promise<string>((resolve, reject) => {
      child.stdout!.on('data', (d) => {
        const found = /listening (\d+)/.exec(String(d))?.[1];
        if (found) resolve(found);
      });
      child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
    });
    const url = `http://127.0.0.1:${port}/v1/names`;
    const [hostile, fine] = await Promise.all([post(url, HOSTILE_NAME), post(url, 'Hello world')]);
    expect(hostile.status).toBe(400);
    expect((await hostile.json()).errors[0].pointer).toBe('/body/name');
    expect(fine.status).toBe(201);
  }, 60_000);
});

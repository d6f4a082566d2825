/**
 * Attack 13: the generated server as a real process (the committed generated/payments package,
 * compiled JavaScript) on 127.0.0.1. A handler's error must reach the server's log, not the client;
 * an idempotent replay must be the same answer, headers and Content-Type included.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO } from '../helpers.ts';

const SECRET = 'connect ECONNREFUSED db-primary.internal:5432 while running SELECT card_number FROM payments';

/** A server whose getPayment throws an error carrying internals (and a 4xx-looking status), and whose capture declines with a 409. */
const SERVER = `
import { createPaymentsServer } from ${JSON.stringify(pathToFileURL(join(REPO, 'generated', 'payments', 'server.js')).href)};
const leak = () => { throw Object.assign(new Error(${JSON.stringify(SECRET)}), { status: 400, errors: [{ path: '.body', message: ${JSON.stringify(SECRET)} }] }); };
const handlers = new Proxy({
  getPayment: async () => leak(),
  capturePayment: async () => ({
    status: 409,
    headers: { 'x-decline-code': 'already_captured' },
    body: { type: 'https://api.acme-platform.com/problems/conflict', title: 'Already captured', status: 409 },
  }),
}, { get: (target, name) => target[name] ?? (async () => ({ status: 500 })) });
const server = createPaymentsServer(handlers).listen(0, '127.0.0.1', () => console.log('listening ' + server.address().port));
`;

let child: ChildProcess;
let base = '';
let stderr = '';

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'apis-server-'));
  writeFileSync(join(dir, 'server.mjs'), SERVER);
  // Resolved from this checkout's node_modules (express and the validator are the package's peers).
  child = spawn(process.execPath, [join(dir, 'server.mjs')], {
    cwd: REPO,
    env: { ...process.env, NODE_PATH: join(REPO, 'node_modules') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stderr!.on('data', (d) => (stderr += d));
  base = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (d) => {
      const port = /listening (\d+)/.exec(String(d))?.[1];
      if (port) resolve(`http://127.0.0.1:${port}`);
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${stderr}`)));
  });
});

afterAll(() => {
  child?.kill();
});

const auth = { authorization: 'Bearer t' };

describe('attack 13: the generated server', () => {
  it('answers a handler error with a generic 500 carrying an instance id; the error itself goes to the log under that id', async () => {
    const response = await fetch(`${base}/v1/payments/pay_1`, { headers: auth });
    expect(response.status).toBe(500);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const text = await response.text();
    expect(text).not.toContain('db-primary');
    expect(text).not.toContain('SELECT');
    const body = JSON.parse(text);
    expect(body).toMatchObject({ status: 500, title: 'Internal error' });
    expect(body.instance).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const logged = stderr.split('\n').find((line) => line.includes(body.instance));
    expect(logged).toBeDefined();
    expect(stderr).toContain(SECRET);
  });

  it('replays a 4xx for a repeated Idempotency-Key with every header it had, Content-Type included', async () => {
    const send = () =>
      fetch(`${base}/v1/payments/pay_1/capture`, {
        method: 'POST',
        headers: { ...auth, 'idempotency-key': '786706b8-ed80-443a-80f6-ea1fa8cc1b51', 'content-type': 'application/json' },
        body: '{}',
      });
    const first = await send();
    const again = await send();
    expect(first.status).toBe(409);
    expect(again.status).toBe(409);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    for (const name of ['content-type', 'x-decline-code']) expect(again.headers.get(name), name).toBe(first.headers.get(name));
    expect(first.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await again.json()).toEqual(await first.json());
  });
});

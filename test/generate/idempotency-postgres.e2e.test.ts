/**
 * The PostgreSQL idempotency store against a real PostgreSQL server (a throwaway cluster started
 * here): exactly once across two server processes, a crashed instance's key taken over after the
 * lock timeout, expiry, a stopped database, and keys scoped by body and principal.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresIdempotencyStore, createPaymentsServer, type Handlers } from '../../generated/payments/server.ts';
import { REPO } from '../helpers.ts';
import { type Cluster, startCluster } from '../../scripts/bench/postgres.ts';

let cluster: Cluster;
let pool: pg.Pool;
const children: ChildProcess[] = [];
const servers: Server[] = [];

beforeAll(async () => {
  cluster = await startCluster();
  pool = new pg.Pool({ connectionString: cluster.url });
  pool.on('error', () => undefined);
  await new PostgresIdempotencyStore({ connection: pool }).migrate();
  await pool.query('CREATE TABLE handler_runs (id serial PRIMARY KEY, key text NOT NULL, pid int NOT NULL)');
}, 60_000);

afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  await pool?.end();
  cluster?.destroy();
});

/** One instance of the generated payments server in its own process, on the shared database. */
async function instance(env: Record<string, string> = {}): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [join(REPO, 'test', 'fixtures', 'idempotency', 'server.mjs')], {
    env: { ...process.env, DATABASE_URL: cluster.url, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  const port = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /listening (\d+)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}`, child };
}

const amount = { value: '12.50', currency: 'EUR' };
function createPayment(url: string, key: string, options: { token?: string; body?: unknown } = {}) {
  return fetch(`${url}/v1/payments`, {
    method: 'POST',
    headers: { authorization: `Bearer ${options.token ?? 'rider-1'}`, 'content-type': 'application/json', 'idempotency-key': key },
    body: JSON.stringify(options.body ?? { amount, payment_method_token: 'pmt_1' }),
  });
}

const runs = async (key: string) => Number((await pool.query('SELECT count(*) FROM handler_runs WHERE key = $1', [key])).rows[0].count);

describe('PostgresIdempotencyStore with generated servers', () => {
  it('(a) 50 concurrent identical requests on two instances: the handler runs once, every other answer is the replay or 409', async () => {
    const [a, b] = await Promise.all([instance({ DELAY_MS: '300' }), instance({ DELAY_MS: '300' })]);
    const key = randomUUID();
    const answers = await Promise.all(
      Array.from({ length: 50 }, async (_, i) => {
        const response = await createPayment(i % 2 === 0 ? a.url : b.url, key);
        return { status: response.status, replayed: response.headers.get('idempotent-replayed'), body: await response.text() };
      }),
    );
    expect(await runs(key)).toBe(1);
    const created = answers.filter((r) => r.status === 201);
    expect(created.filter((r) => r.replayed !== 'true')).toHaveLength(1);
    // A replay is the first answer byte for byte (not a re-serialisation that reorders keys).
    const first = created.find((r) => r.replayed !== 'true')!.body;
    for (const r of created) expect(r.body).toBe(first);
    expect(answers.filter((r) => r.status !== 201).map((r) => r.status)).toEqual(answers.filter((r) => r.status === 409).map(() => 409));
    // Once the first has finished, every retry on either instance is the replay.
    for (const url of [a.url, b.url]) {
      const again = await createPayment(url, key);
      expect(again.status).toBe(201);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(await again.text()).toBe(first);
    }
    expect(await runs(key)).toBe(1);
  }, 60_000);

  it('(b) an instance killed mid-request: its key is in flight until the lock times out, then the retry runs the handler once', async () => {
    const [doomed, survivor] = await Promise.all([instance({ DELAY_MS: '60000', LOCK_MS: '1500' }), instance({ LOCK_MS: '1500' })]);
    const key = randomUUID();
    const lost = createPayment(doomed.url, key).catch(() => 'connection lost');
    await expect.poll(() => runs(key), { timeout: 10_000 }).toBe(1);
    doomed.child.kill('SIGKILL');
    expect(await lost).toBe('connection lost');
    const tooSoon = await createPayment(survivor.url, key);
    expect(tooSoon.status).toBe(409);
    expect((await tooSoon.json()).detail).toMatch(/still being processed/);
    await new Promise((resolve) => setTimeout(resolve, 1600));
    const retried = await createPayment(survivor.url, key);
    expect(retried.status).toBe(201);
    expect(retried.headers.get('idempotent-replayed')).toBeNull();
    expect(await runs(key)).toBe(2); // the crashed run and the retry; the retry's answer is now stored
    const replay = await createPayment(survivor.url, key);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(await runs(key)).toBe(2);
  }, 60_000);

  it('(c) keys expire after their retention and are deleted by cleanup()', async () => {
    const store = new PostgresIdempotencyStore({ connection: pool, retentionMs: 400 });
    const key = `expiry:${randomUUID()}`;
    expect(await store.begin(key, 'f1')).toEqual({ state: 'new' });
    await store.complete(key, { status: 201, headers: { etag: '"1"' }, body: { id: 'pay_1' } });
    expect(await store.begin(key, 'f1')).toEqual({ state: 'replay', response: { status: 201, headers: { etag: '"1"' }, body: { id: 'pay_1' } } });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await store.cleanup()).toBeGreaterThanOrEqual(1);
    expect((await pool.query('SELECT 1 FROM apis_idempotency_keys WHERE scope = $1', [key])).rowCount).toBe(0);
    // Expired but not yet cleaned up is as good as gone: the key is claimed anew.
    const stale = `expiry:${randomUUID()}`;
    expect(await store.begin(stale, 'f1')).toEqual({ state: 'new' });
    await store.complete(stale, { status: 201, headers: {}, body: null });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await store.begin(stale, 'f2')).toEqual({ state: 'new' });
  });

  it('(e) the same key with another body is 409; with another principal it is another key', async () => {
    const { url } = await instance();
    const key = randomUUID();
    expect((await createPayment(url, key)).status).toBe(201);
    const otherBody = await createPayment(url, key, { body: { amount: { value: '99.00', currency: 'EUR' }, payment_method_token: 'pmt_1' } });
    expect(otherBody.status).toBe(409);
    expect((await otherBody.json()).detail).toMatch(/different request body/);
    const otherRider = await createPayment(url, key, { token: 'rider-2' });
    expect(otherRider.status).toBe(201);
    expect(otherRider.headers.get('idempotent-replayed')).toBeNull();
    expect(await runs(key)).toBe(2);
  }, 30_000);

  it('(d) the database stopped: 503 with Retry-After, and the handler does not run', async () => {
    let ran = 0;
    const errors: unknown[] = [];
    const own = new pg.Pool({ connectionString: cluster.url, connectionTimeoutMillis: 2000 });
    own.on('error', () => undefined);
    const handlers = new Proxy({} as Handlers, {
      get: () => async () => {
        ran++;
        return { status: 201, body: {} };
      },
    });
    const server = createServer(
      createPaymentsServer(handlers, { idempotencyStore: new PostgresIdempotencyStore({ connection: own }), onError: (e) => errors.push(e) }),
    );
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    cluster.stop();
    try {
      const refused = await createPayment(url, randomUUID());
      expect(refused.status).toBe(503);
      expect(refused.headers.get('retry-after')).toBe('1');
      expect(refused.headers.get('content-type')).toBe('application/problem+json');
      expect(await refused.json()).toMatchObject({ type: 'https://api.acme-platform.com/problems/unavailable', status: 503 });
      expect(ran).toBe(0);
      expect(errors).toHaveLength(1);
    } finally {
      cluster.start();
      await own.end();
    }
  }, 30_000);
});

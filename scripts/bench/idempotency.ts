/**
 * `npm run bench:idempotency`: idempotent POSTs (a new Idempotency-Key each: claim, handler, stored
 * response) against the generated payments server with the in-memory store and with the PostgreSQL
 * store, on 127.0.0.1, in the same run, with autocannon. PostgreSQL is a throwaway cluster started
 * here (Debian's postgresql package).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { BIN, ROOT, benchEnv, machine, median, table } from './measure.ts';
import { startCluster } from './postgres.ts';

const DURATION = Number(process.env.BENCH_SECONDS ?? 8);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

async function start(args: string[]): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(join(BIN, 'tsx'), [join(ROOT, 'scripts', 'bench', 'idempotency-target.ts'), ...args], {
    env: benchEnv,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<string>((resolve) => child.stdout!.once('data', (d) => resolve(String(d).trim())));
  return { url: `http://127.0.0.1:${port}`, child };
}

async function load(url: string) {
  const body = JSON.stringify({ amount: { value: '12.50', currency: 'EUR' }, payment_method_token: 'pmt_1' });
  const result = await autocannon({
    url: `${url}/v1/payments`,
    connections: 10,
    duration: DURATION,
    requests: [
      {
        method: 'POST',
        body,
        setupRequest: (request: Record<string, unknown>) => ({
          ...request,
          headers: { authorization: 'Bearer bench', 'content-type': 'application/json', 'idempotency-key': randomUUID() },
        }),
      },
    ],
  });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${result.non2xx} non-2xx answers, ${result.errors} errors`);
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

console.log(
  `bench:idempotency (${machine()}): ${ROUNDS} alternating rounds of ${DURATION} s of autocannon, 10 connections, POST /v1/payments with a new Idempotency-Key each`,
);
const cluster = await startCluster();
const memory = await start(['memory']);
const postgres = await start(['postgres', cluster.url]);
try {
  await load(memory.url); // warm-up, both
  await load(postgres.url);
  const rounds: Array<{ m: Awaited<ReturnType<typeof load>>; p: Awaited<ReturnType<typeof load>> }> = [];
  for (let round = 0; round < ROUNDS; round++) rounds.push({ m: await load(memory.url), p: await load(postgres.url) });
  const pick = (k: 'm' | 'p') => ({
    rps: median(rounds.map((r) => r[k].rps)),
    p50: median(rounds.map((r) => r[k].p50)),
    p99: median(rounds.map((r) => r[k].p99)),
  });
  const m = pick('m');
  const p = pick('p');
  console.log(
    '\n' +
      table([
        ['idempotency store', 'req/s', 'p50 ms', 'p99 ms'],
        ['memory (one process)', m.rps.toFixed(0), String(m.p50), String(m.p99)],
        ['PostgreSQL 15 (shared by instances)', p.rps.toFixed(0), String(p.p50), String(p.p99)],
      ]),
  );
  console.log(`\nPostgreSQL store: ${((p.rps / m.rps) * 100).toFixed(0)} % of the memory store's throughput`);
} finally {
  memory.child.kill();
  postgres.child.kill();
  cluster.destroy();
}

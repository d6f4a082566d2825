/**
 * `npm run bench:server`: on 127.0.0.1, the generated payments server (request and response
 * validation) against the same express route without validation, with autocannon; then the
 * generated client against plain fetch on one server, request by request. Targets: validation costs
 * ≤ 30 % of throughput; the client adds ≤ 10 % latency at p50.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { createPaymentsClient } from '../../generated/payments/client.ts';
import { BIN, ROOT, benchEnv, machine, median, table } from './measure.ts';

const DURATION = Number(process.env.BENCH_SECONDS ?? 8);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 2000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

async function start(kind: 'validated' | 'plain'): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(join(BIN, 'tsx'), [join(ROOT, 'scripts', 'bench', 'server-target.ts'), kind], { env: benchEnv, stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<string>((resolve) => child.stdout!.once('data', (d) => resolve(String(d).trim())));
  return { url: `http://127.0.0.1:${port}`, child };
}

async function load(url: string) {
  const result = await autocannon({ url: `${url}/v1/payments/pay_1`, connections: 10, duration: DURATION, headers: { authorization: 'Bearer bench' } });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${result.non2xx} non-2xx answers, ${result.errors} errors`);
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

console.log(`bench:server (${machine()}): ${ROUNDS} alternating rounds of ${DURATION} s of autocannon, 10 connections, GET /v1/payments/{payment_id}`);
const validated = await start('validated');
const plain = await start('plain');
try {
  await load(validated.url); // warm-up, both
  await load(plain.url);
  // Load generator and server share two cores: alternate rounds and keep the medians.
  const rounds: Array<{ v: Awaited<ReturnType<typeof load>>; p: Awaited<ReturnType<typeof load>> }> = [];
  for (let round = 0; round < ROUNDS; round++) rounds.push({ v: await load(validated.url), p: await load(plain.url) });
  const pick = (k: 'v' | 'p') => ({
    rps: median(rounds.map((r) => r[k].rps)),
    p50: median(rounds.map((r) => r[k].p50)),
    p99: median(rounds.map((r) => r[k].p99)),
  });
  const v = pick('v');
  const p = pick('p');
  console.log(
    '\n' +
      table([
        ['server', 'req/s', 'p50 ms', 'p99 ms'],
        ['generated server (validation on)', v.rps.toFixed(0), String(v.p50), String(v.p99)],
        ['same express route, no validation', p.rps.toFixed(0), String(p.p50), String(p.p99)],
      ]),
  );
  const cost = 1 - v.rps / p.rps;

  // Client overhead against the same (plain) server, one request of each in turn: the machine's
  // noise comes in waves of seconds, so rounds of 2000 of one then 2000 of the other measured the
  // waves (from -49 % to +70 % on the same code); interleaved, both see the same moments.
  const api = createPaymentsClient({ baseUrl: plain.url, token: () => 'bench' });
  const viaFetch = () => fetch(`${plain.url}/v1/payments/pay_1`, { headers: { authorization: 'Bearer bench' } }).then((r) => r.json());
  const viaClient = () => api.GET('/v1/payments/{payment_id}', { params: { path: { payment_id: 'pay_1' } } });
  const timed = async (call: () => Promise<unknown>) => {
    const t = performance.now();
    await call();
    return performance.now() - t;
  };
  for (let i = 0; i < 500; i++) await Promise.all([viaFetch(), viaClient()]); // warm-up, both
  const fetchTimes: number[] = [];
  const clientTimes: number[] = [];
  for (let i = 0; i < REQUESTS * ROUNDS; i++) {
    // Which goes first alternates too, so neither always follows the other.
    if (i % 2 === 0) {
      fetchTimes.push(await timed(viaFetch));
      clientTimes.push(await timed(viaClient));
    } else {
      clientTimes.push(await timed(viaClient));
      fetchTimes.push(await timed(viaFetch));
    }
  }
  const fetchP50 = median(fetchTimes);
  const clientP50 = median(clientTimes);
  const overhead = clientP50 / fetchP50 - 1;
  console.log(
    '\n' +
      table([
        ['client', `p50 of ${REQUESTS * ROUNDS} sequential GETs each, interleaved`],
        ['generated client (timeouts, retries, token)', `${clientP50.toFixed(3)} ms`],
        ['plain fetch', `${fetchP50.toFixed(3)} ms`],
      ]),
  );
  const ok = cost <= 0.3 && overhead <= 0.1;
  console.log(
    `\nvalidation costs ${(cost * 100).toFixed(1)} % of throughput (target ≤ 30 %); the client adds ${(overhead * 100).toFixed(1)} % at p50 (target ≤ 10 %): ${ok ? 'met' : 'NOT met'}`,
  );
  process.exitCode = ok ? 0 : 1;
} finally {
  validated.child.kill();
  plain.child.kill();
}

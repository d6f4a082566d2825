/**
 * `npm run bench:mock`: startup of `apis mock` for every domain, and requests/second with p50/p99
 * latency of `apis mock` against plain `prism mock` serving the same (bundled) payments spec, on
 * 127.0.0.1 with autocannon, in the same run. Targets: startup of all domains ≤ 2 s; composition adds
 * ≤ 15 % latency at p50.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { BIN, ROOT, benchEnv, machine, median, table } from './measure.ts';

const DURATION = Number(process.env.BENCH_SECONDS ?? 8);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const STARTS = Number(process.env.BENCH_STARTS ?? 5);

interface Started {
  child: ChildProcess;
  ms: number;
  url: string;
}

/** Spawns a server and waits until `ready` matches its output; the time is until it can answer. */
function launch(command: string, args: string[], ready: RegExp): Promise<Started> {
  const started = performance.now();
  const child = spawn(command, args, { cwd: ROOT, env: benchEnv, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (d: Buffer) => {
      output += d;
      const match = ready.exec(output);
      if (match) {
        child.stdout!.off('data', onData);
        resolve({ child, ms: performance.now() - started, url: match[1] });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`${command} exited with ${code}:\n${output}`)));
  });
}

async function stop(server: Started): Promise<void> {
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  process.kill(-server.child.pid!, 'SIGTERM');
  await exited;
}

const apisMock = (domains: string[], port: number) =>
  launch(
    process.execPath,
    [join(ROOT, 'scripts', 'bin', 'apis.js'), 'mock', ...domains, '--port', String(port)],
    /^\s+\S+\s+(http:\/\/\S+)[\s\S]*Ctrl-C stops\./m,
  );
const prismMock = (port: number) =>
  launch(
    join(BIN, 'prism'),
    ['mock', join(ROOT, 'generated', 'payments', 'openapi.json'), '--port', String(port), '--host', '127.0.0.1'],
    /Prism is listening on (http:\/\/\S+)/,
  );

async function load(base: string) {
  const result = await autocannon({
    url: `${base}/v1/payments/pay_2Xk9fQ7mR4`,
    connections: 10,
    duration: DURATION,
    headers: { authorization: 'Bearer bench' },
  });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${result.non2xx} non-2xx answers, ${result.errors} errors from ${base}`);
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

console.log(
  `bench:mock (${machine()}): startup median of ${STARTS}; then ${ROUNDS} alternating rounds of ${DURATION} s of autocannon, 10 connections, GET /v1/payments/{payment_id}`,
);

const startups = { all: [] as number[], one: [] as number[], prism: [] as number[] };
for (let i = 0; i < STARTS; i++) {
  for (const [key, start] of [
    ['all', () => apisMock([], 4610)],
    ['one', () => apisMock(['payments'], 4611)],
    ['prism', () => prismMock(4612)],
  ] as const) {
    const server = await start();
    startups[key].push(server.ms);
    await stop(server);
  }
}

const ours = await apisMock([], 4620);
const theirs = await prismMock(4621);
const oursBase = `${ours.url.replace(/\/[a-z-]+$/, '')}/payments`;
try {
  await load(oursBase); // warm-up, both
  await load(theirs.url);
  // Load generator and servers share two cores: alternate rounds and keep the medians.
  const rounds: { a: Awaited<ReturnType<typeof load>>; p: Awaited<ReturnType<typeof load>> }[] = [];
  for (let round = 0; round < ROUNDS; round++) rounds.push({ a: await load(oursBase), p: await load(theirs.url) });
  const pick = (k: 'a' | 'p') => ({
    rps: median(rounds.map((r) => r[k].rps)),
    p50: median(rounds.map((r) => r[k].p50)),
    p99: median(rounds.map((r) => r[k].p99)),
  });
  const a = pick('a');
  const p = pick('p');
  const s = (values: number[]) => (median(values) / 1000).toFixed(2);
  console.log(
    '\n' +
      table([
        ['server', 'startup s', 'req/s', 'p50 ms', 'p99 ms'],
        ['apis mock, 3 domains on one port', s(startups.all), a.rps.toFixed(0), String(a.p50), String(a.p99)],
        ['apis mock payments', s(startups.one), '', '', ''],
        ['prism mock payments (plain CLI)', s(startups.prism), p.rps.toFixed(0), String(p.p50), String(p.p99)],
      ]),
  );
  const added = p.p50 > 0 ? a.p50 / p.p50 - 1 : 0;
  console.log(
    `\nstartup of all domains: ${s(startups.all)} s (target ≤ 2 s); latency added at p50: ${(added * 100).toFixed(0)} % (target ≤ 15 %); throughput ${((a.rps / p.rps) * 100).toFixed(0)} % of plain Prism`,
  );
} finally {
  await stop(ours);
  await stop(theirs);
}

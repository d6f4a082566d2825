/**
 * For bench:generate: the server generated from a large spec, as an application starts it. Prints
 * one JSON line: start time (import to listening), the first request to every operation (each
 * compiles that operation's validators), and the peak memory. Every handler exists and answers 204,
 * so each request goes through routing, security and request validation.
 * Usage: tsx scripts/bench/serve-large.ts <package folder> <create function name>
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [folder, create] = process.argv.slice(2);
const started = performance.now();
const server = (await import(pathToFileURL(join(folder, 'server.js')).href)) as Record<string, unknown> & {
  operationInfo: Record<string, { method: string; path: string }>;
};
const handlers = new Proxy({}, { get: () => async () => ({ status: 204 }) });
const app = (server[create] as (handlers: object, options: object) => import('express').Express)(handlers, { onError: () => {} });
const http = createServer(app);
await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
const startMs = performance.now() - started;
const base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
const times: number[] = [];
for (const op of Object.values(server.operationInfo)) {
  const t = performance.now();
  const response = await fetch(base + op.path.replace(/\{[^}]+\}/g, 'p1'), { method: op.method.toUpperCase(), headers: { authorization: 'Bearer bench' } });
  await response.arrayBuffer();
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
http.close();
console.log(
  JSON.stringify({
    operations: times.length,
    startMs: Math.round(startMs),
    firstRequestP50Ms: Number(times[times.length >> 1].toFixed(1)),
    firstRequestP99Ms: Number(times[Math.floor(times.length * 0.99)].toFixed(1)),
    firstRequestMaxMs: Number((times.at(-1) ?? 0).toFixed(1)),
    rssMb: Math.round(process.memoryUsage().rss / 1048576),
  }),
);

/**
 * The one port of `apis mock`: `/<domain>/…` goes to that domain's engine with the prefix removed.
 * Plain node:http, because every request is answered in-process (no hop to a Prism per domain).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { UserError } from '../lib/errors.ts';
import { problem, type DomainEngine, type MockResponse } from './engine.ts';
import { FAULT_HEADER, type FaultInjector } from './faults.ts';

/** Larger bodies are refused: a mock never needs them, and reading them would only cost memory. */
const MAX_BODY_BYTES = 10 * 1024 * 1024;

export interface RequestLog {
  method: string;
  url: string;
  status: number | 'dropped';
  ms: number;
  notes: string[];
}

export interface MockServerOptions {
  engines: DomainEngine[];
  faults: FaultInjector;
  onRequest?: (entry: RequestLog) => void;
}

/** `setEngines` swaps the domains served (the portal reloads them when a spec is saved). */
export function createMockServer({ engines, faults, onRequest }: MockServerOptions): Server & { setEngines(engines: DomainEngine[]): void } {
  let byPrefix = new Map(engines.map((e) => [e.domain, e]));
  const server = createServer((req, res) => {
    const started = performance.now();
    handle(req, res, byPrefix, faults)
      .catch((error: unknown) => {
        const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
        return { ...problem(500, 'The mock failed', message), notes: [`mock error: ${message}`] } as MockResponse;
      })
      .then((response) => {
        if (response.drop) res.socket?.destroy();
        else send(res, response);
        onRequest?.({
          method: req.method ?? 'GET',
          url: req.url ?? '/',
          status: response.drop ? 'dropped' : response.status,
          ms: performance.now() - started,
          notes: response.notes,
        });
      })
      // A failure while answering (a closed socket, a logger that throws) must not take the mock down.
      .catch(() => res.destroy());
  });
  return Object.assign(server, {
    setEngines(next: DomainEngine[]) {
      byPrefix = new Map(next.map((e) => [e.domain, e]));
    },
  });
}

async function handle(req: IncomingMessage, res: ServerResponse, byPrefix: Map<string, DomainEngine>, faults: FaultInjector): Promise<MockResponse> {
  corsHeaders(req, res);
  const url = new URL(req.url ?? '/', 'http://mock.invalid');
  const [, prefix = '', ...rest] = url.pathname.split('/');
  if (req.method === 'OPTIONS' && req.headers['access-control-request-method']) {
    return {
      status: 204,
      headers: { 'access-control-allow-methods': 'GET,HEAD,POST,PUT,PATCH,DELETE,OPTIONS', 'access-control-max-age': '600' },
      body: undefined,
      notes: [],
    };
  }
  const engine = byPrefix.get(decodeURIComponent(prefix));
  if (!engine) {
    const known = [...byPrefix.keys()].map((d) => `/${d}/`).join(', ');
    return problem(404, 'No such domain', `paths start with the domain: ${known}`);
  }
  let fate: ReturnType<FaultInjector['decide']>;
  try {
    fate = faults.decide(req.headers[FAULT_HEADER] as string | undefined);
  } catch (error) {
    return problem(400, 'The Mock-Fault header is not valid', (error as Error).message);
  }
  if (fate.delayMs > 0) await sleep(fate.delayMs);
  let body: unknown;
  try {
    body = await readBody(req);
  } catch (error) {
    if (error instanceof UserError) return problem(error.message.includes('larger') ? 413 : 400, 'The request body cannot be read', error.message);
    throw error;
  }
  const query: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key);
    query[key] = values.length === 1 ? values[0] : values;
  }
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers))
    if (value !== undefined && name !== FAULT_HEADER) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  return engine.respond({ method: req.method ?? 'GET', path: '/' + rest.join('/'), query, headers, body }, fate);
}

/** JSON bodies parsed, anything else as text, nothing as undefined: the shape Prism validates. */
async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new UserError(`the body is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB`);
    chunks.push(chunk);
  }
  if (size === 0) return undefined;
  const text = Buffer.concat(chunks).toString('utf8');
  if (!/[/+]json\b/i.test(req.headers['content-type'] ?? '')) return text;
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UserError(`the body is not valid JSON (${(error as Error).message})`);
  }
}

/** Any origin may call the mock: Swagger UI's "Try it out" and web apps in development run elsewhere. */
function corsHeaders(req: IncomingMessage, res: ServerResponse): void {
  res.setHeader('access-control-allow-origin', req.headers.origin ?? '*');
  res.setHeader('access-control-allow-headers', req.headers['access-control-request-headers'] ?? '*');
  res.setHeader('access-control-expose-headers', '*');
  if (req.headers.origin) res.setHeader('vary', 'origin');
}

function send(res: ServerResponse, response: MockResponse): void {
  for (const [name, value] of Object.entries(response.headers)) {
    // Prism's content-length may be stale after our changes; node computes the right one.
    if (name !== 'content-length' && name !== 'transfer-encoding' && name !== 'connection') res.setHeader(name, value);
  }
  res.statusCode = response.status;
  res.end(response.body);
}

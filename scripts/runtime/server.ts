/**
 * Mounts typed handlers on express 5 with request and response validation against the spec
 * (express-openapi-validator), answers every error as application/problem+json (RFC 9457) without
 * internals, implements Idempotency-Key semantics, ETag/If-Match helpers, and feature flags that
 * switch operations off at runtime (404) without a release.
 * Hand-written and tested in this repository; `apis generate` copies it into each server package.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import * as OpenApiValidator from 'express-openapi-validator';
import { MemoryIdempotencyStore, type Begin, type IdempotencyStore, type StoredResponse } from './idempotency.js';
import type { HandlerContext } from './types.js';
import { canonicalJson } from './canonical.js';
import { useLinearPatterns } from './linear-patterns.js';
import { declaredResponse, followRef, isObject } from './local-ref.js';
import {
  DETAILS,
  declaredProblem,
  defaultProblem,
  invalidRequestProblem,
  requestPointer,
  type Problem,
  type ProblemError,
  type RequestPart,
} from './problems.js';

export interface OperationInfo {
  method: 'get' | 'put' | 'post' | 'delete' | 'patch' | 'head' | 'options';
  path: string;
  idempotencyKey: boolean;
  featureFlag?: string;
}

export interface FlagProvider {
  isEnabled(flag: string): boolean | Promise<boolean>;
}

export interface ServerOptions {
  idempotencyStore?: IdempotencyStore;
  /** Operations marked x-feature-flag answer 404 while their flag is off. Default: every flag on. */
  flags?: FlagProvider;
  /** Validate handler responses against the spec (a violation becomes a 500). Default true. */
  validateResponses?: boolean;
  /**
   * Where unexpected errors go (default: the server's stderr). The client only ever sees a generic
   * 500 problem whose `instance` (`urn:uuid:…`) is the id passed here, to find the full error in the log.
   */
  onError?: (error: unknown, request: Request, instance: string) => void;
  /** Retry-After of the 503 answered while the idempotency store cannot be reached. Default 1. */
  storeRetryAfterSeconds?: number;
}

/** An error thrown by a handler: whatever it says (a database host, a query) stays in the log. */
class HandlerFailure extends Error {
  constructor(readonly original: unknown) {
    super('handler failed');
  }
}

interface Result {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/**
 * One way to answer, for the first response and its idempotent replay alike: the status the handler
 * chose (any declared one: an error body need not carry a `status` field), the media type the spec
 * declares for it, the handler's headers. JSON goes through res.json, which the validator checks.
 */
function sendResult(res: Response, result: Result, mediaType: string | undefined, extraHeaders: Record<string, string> = {}): void {
  res
    .status(result.status)
    .set(result.headers ?? {})
    .set(extraHeaders);
  if (result.body === undefined) {
    res.end();
    return;
  }
  const type = res.get('Content-Type') ?? mediaType ?? (result.status >= 400 ? 'application/problem+json' : 'application/json');
  res.type(type);
  if (/[/+]json$/i.test(type.split(';')[0].trim())) res.json(result.body);
  else res.send(typeof result.body === 'string' || Buffer.isBuffer(result.body) ? result.body : String(result.body));
}

/** The first media type the operation declares for `status` (its exact code, class or default response). */
function declaredMediaType(spec: Record<string, unknown>, operation: Record<string, unknown> | undefined, status: number): string | undefined {
  const content = declaredResponse(spec, operation, status)?.content;
  return isObject(content) ? Object.keys(content)[0] : undefined;
}

/**
 * The request headers as the handler's types name them: node lower-cases every header name, the
 * spec (and so the types) say `Idempotency-Key`; each declared header parameter is also given
 * under its declared name.
 */
function declaredHeaderNames(spec: Record<string, unknown>, path: string, method: string): string[] {
  const item = followRef(spec, (spec.paths as Record<string, unknown> | undefined)?.[path]);
  if (!isObject(item)) return [];
  const operation = followRef(spec, item[method]);
  const parameters = [item.parameters, isObject(operation) ? operation.parameters : undefined].flatMap((list) => (Array.isArray(list) ? list : []));
  return parameters
    .map((p) => followRef(spec, p))
    .filter((p): p is Record<string, unknown> => isObject(p) && p.in === 'header' && typeof p.name === 'string' && p.name !== p.name.toLowerCase())
    .map((p) => p.name as string);
}

function sendProblem(res: Response, problem: Problem): void {
  // A Buffer, so express adds no charset parameter: the same Content-Type as `apis mock` sends.
  res
    .status(problem.status)
    .set('Content-Type', 'application/problem+json')
    .send(Buffer.from(JSON.stringify(problem)));
}

const PARTS: Record<string, RequestPart> = { body: 'body', query: 'query', headers: 'header', params: 'path', cookies: 'cookie' };

/** express-openapi-validator's `/headers/idempotency-key` (or older `.body.a`) as the shared pointer `/header/idempotency-key`. */
function problemErrorOf(error: { path?: string; message?: string }): ProblemError {
  const path = error.path ?? '';
  const segments = path.startsWith('.')
    ? path.slice(1).split('.')
    : path
        .split('/')
        .slice(1)
        .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const part = PARTS[segments[0] ?? ''];
  return { pointer: part ? requestPointer(part, segments.slice(1)) : path, detail: error.message ?? 'invalid' };
}

export function etagOf(body: unknown): string {
  return `"${createHash('sha256').update(canonicalJson(body)).digest('base64url').slice(0, 27)}"`;
}

/** Whether following internal $refs from some node can lead back to it. */
export function hasRefCycle(spec: Record<string, unknown>): boolean {
  const targetOf = (ref: string): unknown =>
    ref
      .slice(2)
      .split('/')
      .reduce<unknown>(
        (node, seg) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[seg.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined),
        spec,
      );
  const refsUnder = (node: unknown, found: string[] = []): string[] => {
    if (Array.isArray(node)) for (const n of node) refsUnder(n, found);
    else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if (k === '$ref' && typeof v === 'string' && v.startsWith('#/')) found.push(v);
        else refsUnder(v, found);
      }
    }
    return found;
  };
  const state = new Map<string, 'open' | 'done'>();
  const visit = (ref: string): boolean => {
    if (state.get(ref) === 'open') return true;
    if (state.get(ref) === 'done') return false;
    state.set(ref, 'open');
    const cyclic = refsUnder(targetOf(ref)).some(visit);
    state.set(ref, 'done');
    return cyclic;
  };
  return refsUnder(spec).some(visit);
}

/** Sorts routes so that, segment by segment, a literal comes before a template; otherwise the document's order. */
export function routeOrder(a: string, b: string): number {
  const left = a.split('/');
  const right = b.split('/');
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const templated = [left[i].includes('{'), right[i].includes('{')];
    if (templated[0] !== templated[1]) return templated[0] ? 1 : -1;
  }
  return 0;
}

function toExpressPath(path: string): string {
  return path.replace(/\{([^}]+)\}/g, ':$1');
}

/** The operation express-openapi-validator matched the request to, as the spec has it; none for an unknown path or method. */
function operationOfIn(spec: Record<string, unknown>, req: Request): Record<string, unknown> | undefined {
  const route = (req as Request & { openapi?: { openApiRoute?: string } }).openapi?.openApiRoute;
  const paths = spec.paths as Record<string, Record<string, unknown>> | undefined;
  const item = route !== undefined && paths && Object.hasOwn(paths, route) ? paths[route] : undefined;
  const operation = item && Object.hasOwn(item, req.method.toLowerCase()) ? item[req.method.toLowerCase()] : undefined;
  return typeof operation === 'object' && operation !== null ? (operation as Record<string, unknown>) : undefined;
}

export function createApiServer(
  spec: Record<string, unknown>,
  operations: Record<string, OperationInfo>,
  handlers: Record<string, (request: never, context: HandlerContext) => unknown>,
  options: ServerOptions = {},
): Express {
  const store = options.idempotencyStore ?? new MemoryIdempotencyStore();
  const operationOf = (req: Request) => operationOfIn(spec, req);
  const report = (error: unknown, req: Request, instance: string) => {
    if (options.onError) options.onError(error, req, instance);
    else console.error(`${instance} ${req.method} ${req.originalUrl}:`, error);
  };
  // The spec's patterns run on RE2 in the copy of Ajv the validator uses (an application may have several).
  const fromValidator = createRequire(createRequire(import.meta.url).resolve('express-openapi-validator'));
  useLinearPatterns(fromValidator('ajv/dist/vocabularies/code'));
  const app = express();
  app.disable('x-powered-by');
  app.use(express.json({ type: ['application/json', 'application/*+json'], limit: '1mb' }));
  // The spec's server URLs name production hosts; the app serves the paths from its root.
  const apiSpec = { ...structuredClone(spec), servers: [{ url: '/' }] } as unknown as string;
  // Dereferencing once makes every request cheaper to validate (a third of the throughput, measured
  // by bench:server); a recursive schema cannot be dereferenced, so such specs keep their $refs.
  const mode = hasRefCycle(spec) ? 'bundle' : 'dereference';
  app.use(
    OpenApiValidator.middleware({
      apiSpec,
      validateRequests: { allErrors: true },
      validateResponses: options.validateResponses ?? true,
      ignoreUndocumented: false,
      validateApiSpec: false,
      validateFormats: true,
      ajvFormats: { mode: 'fast' },
      $refParser: { mode },
    }),
  );

  // Literal segments first: OpenAPI says /movies/popular wins over /movies/{id}, whatever the order.
  const ordered = Object.entries(operations).sort(([, a], [, b]) => routeOrder(a.path, b.path));
  const unimplemented = ordered.filter(([operationId]) => typeof handlers[operationId] !== 'function');
  if (unimplemented.length > 0)
    console.warn(
      `${unimplemented.length} operation${unimplemented.length === 1 ? ' has' : 's have'} no handler yet and answer 501: ${unimplemented.map(([id, op]) => `${id} (${op.method.toUpperCase()} ${op.path})`).join(', ')}`,
    );
  for (const [operationId, op] of ordered) {
    const handler = handlers[operationId];
    if (typeof handler !== 'function') {
      app[op.method](toExpressPath(op.path), (_req: Request, res: Response) =>
        sendProblem(res, { ...defaultProblem(501), status: 501, detail: `${operationId} (${op.method.toUpperCase()} ${op.path}) has no handler yet.` }),
      );
      continue;
    }
    const operation = followRef(spec, (spec.paths as Record<string, Record<string, unknown>> | undefined)?.[op.path]?.[op.method]) as
      | Record<string, unknown>
      | undefined;
    const headerNames = declaredHeaderNames(spec, op.path, op.method);
    app[op.method](toExpressPath(op.path), async (req: Request, res: Response, next: NextFunction) => {
      try {
        if (op.featureFlag && !(await (options.flags?.isEnabled(op.featureFlag) ?? true))) {
          sendProblem(res, { ...declaredProblem(spec, operationOf(req), 404), status: 404, detail: 'This operation is switched off.' });
          return;
        }
        let scopeKey: string | undefined;
        if (op.idempotencyKey) {
          const key = req.get('Idempotency-Key') ?? '';
          // Keys are per client: the same key from two clients is two keys.
          const client = createHash('sha256')
            .update(req.get('Authorization') ?? '')
            .digest('hex')
            .slice(0, 16);
          scopeKey = `${operationId}:${client}:${key}`;
          const fingerprint = createHash('sha256')
            .update(`${req.method} ${req.path} ${canonicalJson(req.body ?? null)}`)
            .digest('hex');
          let begun: Begin;
          try {
            begun = await store.begin(scopeKey, fingerprint);
          } catch (error) {
            // The store decides whether the handler may run: without it, nothing runs, and the
            // client is told to come back (the error itself goes to the log, never to the client).
            report(error, req, `urn:uuid:${randomUUID()}`);
            res.set('Retry-After', String(options.storeRetryAfterSeconds ?? 1));
            sendProblem(res, { ...defaultProblem(503), status: 503, detail: 'The idempotency store cannot be reached; retry with the same key.' });
            return;
          }
          if (begun.state === 'replay') {
            sendResult(res, begun.response, declaredMediaType(spec, operation, begun.response.status), { 'Idempotent-Replayed': 'true' });
            return;
          }
          if (begun.state !== 'new') {
            const detail =
              begun.state === 'conflict'
                ? 'The Idempotency-Key was already used with a different request body.'
                : 'A request with this Idempotency-Key is still being processed; retry later.';
            sendProblem(res, { type: 'https://api.acme-platform.com/problems/idempotency-key-reused', title: 'Conflict', status: 409, detail });
            return;
          }
        }
        const context: HandlerContext = {
          operationId,
          etagOf,
          ifMatchFails: (current) => {
            const ifMatch = req.get('If-Match');
            return (
              ifMatch !== undefined &&
              ifMatch !== '*' &&
              !ifMatch
                .split(',')
                .map((s) => s.trim())
                .includes(current)
            );
          },
        };
        let result: Result;
        try {
          const headers: Record<string, unknown> = { ...req.headers };
          for (const name of headerNames) headers[name] = req.headers[name.toLowerCase()];
          result = (await handler({ params: req.params, query: req.query, headers, body: req.body } as never, context)) as Result;
        } catch (error) {
          if (scopeKey) await store.abort(scopeKey).catch((e: unknown) => report(e, req, `urn:uuid:${randomUUID()}`));
          throw new HandlerFailure(error);
        }
        if (scopeKey) {
          const stored: StoredResponse = { status: result.status, headers: result.headers ?? {}, body: result.body };
          // The handler has run: its answer goes out even if it cannot be stored (a retry then
          // waits for the claim to time out). The failure is logged, not hidden.
          await store.complete(scopeKey, stored).catch((e: unknown) => report(e, req, `urn:uuid:${randomUUID()}`));
        }
        sendResult(res, result, declaredMediaType(spec, operation, result.status));
      } catch (error) {
        next(error);
      }
    });
  }

  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const e = error as { status?: number; errors?: Array<{ path?: string; message?: string }>; message?: string };
    // Only the validator and the body parser speak to the client; a handler's own errors never do.
    const status = !(error instanceof HandlerFailure) && typeof e.status === 'number' ? e.status : 500;
    if (status >= 400 && status < 500) {
      // The shapes `apis mock` answers with too (runtime/problems.ts): what the operation declares, fixed details.
      const declared = declaredProblem(spec, operationOf(req), status);
      const detail = ({ 401: DETAILS.unauthorized, 404: DETAILS.noRoute, 405: DETAILS.noMethod, 415: DETAILS.unsupportedMediaType } as Record<number, string>)[
        status
      ];
      if (status === 400 && e.errors?.length) sendProblem(res, invalidRequestProblem(declared, e.errors.map(problemErrorOf)));
      else sendProblem(res, { ...declared, status, detail: detail ?? e.message ?? declared.title });
      return;
    }
    // A handler that throws or breaks the contract, or any other surprise: log it, never leak it.
    const instance = `urn:uuid:${randomUUID()}`;
    report(error instanceof HandlerFailure ? error.original : error, req, instance);
    const contract = !(error instanceof HandlerFailure) && e.errors !== undefined && /response/i.test(e.message ?? '');
    sendProblem(res, {
      ...defaultProblem(500),
      status: 500,
      detail: contract ? 'The response did not match the contract.' : 'The server failed to answer; quote the instance when reporting it.',
      instance,
    });
  });
  return app;
}

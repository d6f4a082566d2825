/**
 * Mounts typed handlers on express 5: routing as OpenAPI defines it (router.ts), request and
 * response validation against the spec (validation.ts), bodies of every declared media type
 * (body.ts), security through the application's `authenticate` hook (security.ts), every error as
 * application/problem+json (RFC 9457) without internals, Idempotency-Key semantics scoped by
 * principal, ETag/If-Match helpers, and feature flags that switch operations off at runtime (404)
 * without a release. Hand-written and tested in this repository; `apis generate` copies it into
 * each server package.
 */
import { createHash, randomUUID } from 'node:crypto';
import { parse as parseCookies } from 'cookie';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { BodyError, readBody, withFilesAsStrings, withFilesRestored } from './body.js';
import { MemoryIdempotencyStore, type Begin, type IdempotencyStore, type StoredResponse } from './idempotency.js';
import type { HandlerContext } from './types.js';
import { canonicalJson } from './canonical.js';
import { declaredResponse, followRef, isObject } from './local-ref.js';
import { DETAILS, declaredProblem, defaultProblem, invalidRequestProblem, type Problem, type ProblemError } from './problems.js';
import { MalformedPathError, Router } from './router.js';
import { authenticateRequest, requirementsOf, type Authenticate } from './security.js';
import { bodyKind, matchMedia, mediaTypeOf } from './media.js';
import { parameterErrors, parameterValues, problemErrors, SpecValidator } from './validation.js';

export type { UploadedFile } from './body.js';
export { forbidden, type Authenticate, type Credential, type Denied } from './security.js';

export interface OperationInfo {
  method: 'get' | 'put' | 'post' | 'delete' | 'patch' | 'head' | 'options' | 'trace';
  path: string;
  idempotencyKey: boolean;
  featureFlag?: string;
}

export interface FlagProvider {
  isEnabled(flag: string): boolean | Promise<boolean>;
}

export interface ServerOptions<Principal = unknown> {
  idempotencyStore?: IdempotencyStore;
  /** Operations marked x-feature-flag answer 404 while their flag is off. Default: every flag on. */
  flags?: FlagProvider;
  /** Validate handler responses against the spec (a violation becomes a 500). Default true. */
  validateResponses?: boolean;
  /** Check `format`s (date-time, email, uuid…) of requests and responses. Default true. */
  validateFormats?: boolean;
  /**
   * Where unexpected errors go (default: the server's stderr). The client only ever sees a generic
   * 500 problem whose `instance` (`urn:uuid:…`) is the id passed here, to find the full error in the log.
   */
  onError?: (error: unknown, request: Request, instance: string) => void;
  /** Retry-After of the 503 answered while the idempotency store cannot be reached. Default 1. */
  storeRetryAfterSeconds?: number;
  /**
   * Checks each credential the operation's security requirements ask for and returns the
   * principal (handed to the handler, and the scope of Idempotency-Keys), null for 401, or
   * `forbidden()` for 403. Without it, carrying the credentials is enough.
   */
  authenticate?: Authenticate<Principal>;
  /** Largest body other than multipart (bytes or '1mb'). Default '1mb'. */
  bodyLimit?: number | string;
  /** Largest file of a multipart request, in bytes. Default 10 MiB. */
  fileLimit?: number;
  /** Most files in one multipart request. Default 10. */
  maxFiles?: number;
  /** Start even when some operations have no handler (they answer 501). Default false; the generated `create…Server` types check it. */
  allowUnimplemented?: boolean;
}

/** An error thrown by a handler: whatever it says (a database host, a query) stays in the log. */
class HandlerFailure extends Error {
  constructor(readonly original: unknown) {
    super('handler failed');
  }
}

/** A handler's answer that the spec does not allow. */
class ContractViolation extends Error {}

interface Result {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

const isStream = (body: unknown): body is NodeJS.ReadableStream =>
  typeof body === 'object' && body !== null && typeof (body as NodeJS.ReadableStream).pipe === 'function';

/**
 * One way to answer, for the first response and its idempotent replay alike: the status the handler
 * chose (any declared one: an error body need not carry a `status` field), the media type the spec
 * declares for it (or the handler's Content-Type), the handler's headers. JSON is serialised; text
 * goes as it is; bytes and streams as bytes.
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
  const binary = Buffer.isBuffer(result.body) || result.body instanceof Uint8Array || isStream(result.body);
  const declared = mediaType && !mediaType.includes('*') ? mediaType : undefined;
  const fallback = binary ? 'application/octet-stream' : typeof result.body === 'string' && !declared ? 'text/plain' : 'application/json';
  const type = res.get('Content-Type') ?? declared ?? (result.status >= 400 && !binary ? 'application/problem+json' : fallback);
  res.type(type);
  if (isStream(result.body)) {
    result.body.pipe(res);
    return;
  }
  if (bodyKind(mediaTypeOf(type)) === 'json' && !binary) res.send(JSON.stringify(result.body));
  else res.send(binary || typeof result.body === 'string' ? result.body : String(result.body));
}

/** The first media type the operation declares for `status` (its exact code, class or default response). */
function declaredMediaType(spec: Record<string, unknown>, operation: Record<string, unknown> | undefined, status: number): string | undefined {
  const content = declaredResponse(spec, operation, status)?.content;
  return isObject(content) ? Object.keys(content)[0] : undefined;
}

function sendProblem(res: Response, problem: Problem): void {
  // A Buffer, so express adds no charset parameter: the same Content-Type as `apis mock` sends.
  res
    .status(problem.status)
    .set('Content-Type', 'application/problem+json')
    .send(Buffer.from(JSON.stringify(problem)));
}

export function etagOf(body: unknown): string {
  return `"${createHash('sha256').update(canonicalJson(body)).digest('base64url').slice(0, 27)}"`;
}

export { routeOrder } from './router.js';

interface RouteOperation {
  name: string;
  info: OperationInfo;
  /** The operation object of the spec, its security requirements, and its declared media type by status: looked up once. */
  operation: Record<string, unknown> | undefined;
  requirements: Array<Record<string, string[]>>;
  mediaTypes: Map<number, string | undefined>;
}

interface Route {
  methods: Map<string, RouteOperation>;
}

/** A stable key for a principal: its `id` (or `sub`) when it has one, else all of it. */
function principalKey(principal: unknown): string {
  if (isObject(principal)) {
    const id = principal.id ?? principal.sub;
    if (typeof id === 'string' || typeof id === 'number') return `id:${id}`;
  }
  return `principal:${canonicalJson(principal ?? null)}`;
}

function hasBody(req: Request): boolean {
  return req.headers['transfer-encoding'] !== undefined || (req.headers['content-length'] !== undefined && req.headers['content-length'] !== '0');
}

export function createApiServer<Principal = unknown>(
  spec: Record<string, unknown>,
  operations: Record<string, OperationInfo>,
  handlers: Record<string, (request: never, context: HandlerContext<Principal>) => unknown>,
  options: ServerOptions<Principal> = {},
): Express {
  const store = options.idempotencyStore ?? new MemoryIdempotencyStore();
  const validator = new SpecValidator(spec, { formats: options.validateFormats ?? true });
  const limits = { fileBytes: options.fileLimit ?? 10 * 1024 * 1024, files: options.maxFiles ?? 10 };
  const report = (error: unknown, req: Request, instance: string) => {
    if (options.onError) options.onError(error, req, instance);
    else console.error(`${instance} ${req.method} ${req.originalUrl}:`, error);
  };
  const paths = isObject(spec.paths) ? spec.paths : {};
  const operationAt = (path: string, method: string) => {
    const item = followRef(spec, paths[path]);
    const operation = isObject(item) ? followRef(spec, item[method]) : undefined;
    return isObject(operation) ? operation : undefined;
  };

  const routes = new Map<string, Route>();
  for (const [name, info] of Object.entries(operations)) {
    const route = routes.get(info.path) ?? { methods: new Map() };
    const operation = operationAt(info.path, info.method);
    route.methods.set(info.method, { name, info, operation, requirements: requirementsOf(spec, operation), mediaTypes: new Map() });
    routes.set(info.path, route);
  }
  const mediaTypeFor = (entry: RouteOperation, status: number) => {
    if (!entry.mediaTypes.has(status)) entry.mediaTypes.set(status, declaredMediaType(spec, entry.operation, status));
    return entry.mediaTypes.get(status);
  };
  const router = new Router(routes);
  const unimplemented = Object.entries(operations).filter(([name]) => typeof handlers[name] !== 'function');
  if (unimplemented.length > 0) {
    const list = unimplemented.map(([name, op]) => `${name} (${op.method.toUpperCase()} ${op.path})`).join(', ');
    console.warn(`${unimplemented.length} operation${unimplemented.length === 1 ? ' has' : 's have'} no handler yet and answer 501: ${list}`);
  }

  const app = express();
  app.disable('x-powered-by');
  // Every body but multipart (streamed to busboy) arrives as bytes; body.ts reads it by its media type.
  app.use(express.raw({ type: (req) => !mediaTypeOf(req.headers['content-type']).startsWith('multipart/'), limit: options.bodyLimit ?? '1mb' }));

  app.use(async (req: Request, res: Response, next: NextFunction) => {
    try {
      const [pathname, ...search] = req.url.split('?');
      const method = req.method.toLowerCase();
      let match: ReturnType<typeof router.match>;
      try {
        match = router.match(pathname, (route) => route.methods.has(method) || (method === 'head' && route.methods.has('get')));
      } catch (error) {
        if (!(error instanceof MalformedPathError)) throw error;
        const problem = invalidRequestProblem(declaredProblem(spec, undefined, 400), [
          { pointer: `/path/${error.parameter}`, detail: 'is not valid percent-encoding' },
        ]);
        sendProblem(res, problem);
        return;
      }
      if (!match) {
        sendProblem(res, { ...defaultProblem(404), status: 404, detail: DETAILS.noRoute });
        return;
      }
      const entry = match.route.methods.get(method) ?? (method === 'head' ? match.route.methods.get('get') : undefined);
      if (!entry) {
        res.set('Allow', [...match.route.methods.keys()].map((m) => m.toUpperCase()).join(', '));
        sendProblem(res, { ...defaultProblem(405), status: 405, detail: DETAILS.noMethod });
        return;
      }
      const { name, info, operation } = entry;
      const declared = (status: number) => declaredProblem(spec, operation, status);
      const handler = handlers[name];
      if (typeof handler !== 'function') {
        sendProblem(res, { ...defaultProblem(501), status: 501, detail: `${name} (${info.method.toUpperCase()} ${info.path}) has no handler yet.` });
        return;
      }
      if (info.featureFlag && !(await (options.flags?.isEnabled(info.featureFlag) ?? true))) {
        sendProblem(res, { ...declared(404), status: 404, detail: 'This operation is switched off.' });
        return;
      }
      const pairs = [...new URLSearchParams(search.join('?'))];
      const cookies = parseCookies(req.headers.cookie ?? '');
      const header = (h: string) => {
        const value = req.headers[h.toLowerCase()];
        return Array.isArray(value) ? value.join(', ') : value;
      };
      const authentication = await authenticateRequest(
        spec,
        entry.requirements,
        {
          header,
          query: (q) => pairs.find(([key]) => key === q)?.[1],
          cookie: (c) => cookies[c],
          tlsAuthorized: (req.socket as { authorized?: boolean }).authorized === true,
        },
        { operationId: name, method: info.method, path: info.path },
        options.authenticate,
      );
      if (authentication.outcome !== 'allowed') {
        const status = authentication.outcome;
        sendProblem(res, {
          ...declared(status),
          status,
          detail: status === 401 ? DETAILS.unauthorized : (authentication.detail ?? 'This principal may not do this.'),
        });
        return;
      }

      const plan = validator.plan(info.path, info.method);
      const errors: ProblemError[] = [];
      let body: unknown;
      if (hasBody(req) && plan.media.length > 0) {
        const media = matchMedia(plan.media, req.headers['content-type'] ?? '');
        if (!media) {
          sendProblem(res, { ...declared(415), status: 415, detail: DETAILS.unsupportedMediaType });
          return;
        }
        body = await readBody(req, media, limits);
        if (media.validate && (media.kind !== 'text' || typeof body === 'string')) {
          const data = media.kind === 'multipart' ? withFilesAsStrings(body) : body;
          if (media.validate(data)) body = media.kind === 'multipart' ? withFilesRestored(data, body) : data;
          else errors.push(...problemErrors('body', media.validate.errors));
        }
      } else if (plan.bodyRequired) {
        errors.push({ pointer: '/body', detail: 'is required' });
      }
      const values = parameterValues(plan, { pairs, pathParams: match.params, header, cookie: (c) => cookies[c] });
      errors.push(...parameterErrors(plan, values));
      if (errors.length > 0) {
        sendProblem(res, invalidRequestProblem(declared(400), errors));
        return;
      }

      let scopeKey: string | undefined;
      if (info.idempotencyKey) {
        const key = header('Idempotency-Key') ?? '';
        // Keys are per principal (or, without an authenticate hook, per credentials): the same key
        // from two clients is two keys, and a refreshed token is still the same client.
        const client = createHash('sha256')
          .update(options.authenticate ? principalKey(authentication.principal) : (header('Authorization') ?? ''))
          .digest('hex')
          .slice(0, 16);
        scopeKey = `${name}:${client}:${key}`;
        const fingerprint = createHash('sha256')
          .update(`${req.method} ${pathname} ${canonicalJson(body ?? null)}`)
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
          sendResult(res, begun.response, mediaTypeFor(entry, begun.response.status), { 'Idempotent-Replayed': 'true' });
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
      const context: HandlerContext<Principal> = {
        operationId: name,
        principal: authentication.principal,
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
        // Node lower-cases header names; the types promise the declared ones (`Idempotency-Key`).
        const headers: Record<string, unknown> = { ...req.headers, ...values.header };
        for (const p of plan.parameters) if (p.in === 'header' && values.header[p.key] !== undefined) headers[p.name] = values.header[p.key];
        const request = { params: values.path, query: values.query, headers, cookies: values.cookie, body };
        result = (await handler(request as never, context)) as Result;
      } catch (error) {
        if (scopeKey) await store.abort(scopeKey).catch((e: unknown) => report(e, req, `urn:uuid:${randomUUID()}`));
        throw new HandlerFailure(error);
      }
      const mediaType = res.get('Content-Type') ?? result.headers?.['Content-Type'] ?? result.headers?.['content-type'] ?? mediaTypeFor(entry, result.status);
      if (options.validateResponses ?? true) checkResponse(result, mediaType, info, operation);
      if (scopeKey) {
        const stored: StoredResponse = { status: result.status, headers: result.headers ?? {}, body: result.body };
        // The handler has run: its answer goes out even if it cannot be stored (a retry then
        // waits for the claim to time out). The failure is logged, not hidden.
        await store.complete(scopeKey, stored).catch((e: unknown) => report(e, req, `urn:uuid:${randomUUID()}`));
      }
      sendResult(res, result, mediaType);
    } catch (error) {
      next(error);
    }
  });

  /** A declared status, and for a JSON body, one its schema accepts; text and bytes are never refused for not being JSON. */
  function checkResponse(result: Result, mediaType: string | undefined, info: OperationInfo, operation: Record<string, unknown> | undefined): void {
    if (!Number.isInteger(result?.status)) throw new ContractViolation('the handler returned no status');
    if (!declaredResponse(spec, operation, result.status)) throw new ContractViolation(`status ${result.status} is not declared`);
    if (result.body === undefined || mediaType === undefined || bodyKind(mediaTypeOf(mediaType)) !== 'json') return;
    const validate = validator.response(info.path, info.method, result.status, mediaTypeOf(mediaType));
    if (validate && !validate(result.body))
      throw new ContractViolation(`the ${result.status} body breaks the contract: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
  }

  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const e = error as { status?: number; type?: string; message?: string };
    // Only the body reader speaks to the client; a handler's own errors never do.
    const status =
      error instanceof BodyError
        ? error.status
        : !(error instanceof HandlerFailure || error instanceof ContractViolation) && typeof e.status === 'number'
          ? e.status
          : 500;
    if (status >= 400 && status < 500) {
      const detail = error instanceof BodyError ? error.message : status === 413 ? 'The body is larger than this server accepts.' : 'The body cannot be read.';
      sendProblem(res, { ...defaultProblem(status), status, detail });
      return;
    }
    // A handler that throws or breaks the contract, or any other surprise: log it, never leak it.
    const instance = `urn:uuid:${randomUUID()}`;
    report(error instanceof HandlerFailure ? error.original : error, req, instance);
    sendProblem(res, {
      ...defaultProblem(500),
      status: 500,
      detail:
        error instanceof ContractViolation ? 'The response did not match the contract.' : 'The server failed to answer; quote the instance when reporting it.',
      instance,
    });
  });
  return app;
}

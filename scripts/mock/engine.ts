import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { IHttpConfig, IHttpRequest, IHttpResponse } from '@stoplight/prism-http';
import { UserError } from '../lib/errors.ts';
import { limits } from '../lib/limits.ts';
import { toolchainRoot } from '../lib/toolchain.ts';
import { pointerOf } from '../model/pointer.ts';
import type { FaultDecision } from './faults.ts';
import { forwarder, type ForwardLimits } from './forward.ts';
import { IdempotencyStore, requestFingerprint, type StoredResponse } from '../runtime/mock-idempotency.ts';
import { isFresh } from '../lib/freshness.ts';
import {
  DETAILS,
  declaredProblem,
  defaultProblem,
  invalidRequestProblem,
  requestPointer,
  type Problem,
  type ProblemError,
  type RequestPart,
} from '../runtime/problems.ts';

export interface MockRequest {
  method: string;
  /** The path inside the domain, e.g. /v1/payments. */
  path: string;
  query: Record<string, string | string[]>;
  /** Lower-case names, as node:http gives them. */
  headers: Record<string, string>;
  body: unknown;
}

export interface MockResponse extends StoredResponse {
  /** Close the connection without answering. */
  drop?: boolean;
  /** What to print about this request: contract violations of the request or the response. */
  notes: string[];
}

export type EngineMode = { kind: 'mock'; dynamic: boolean; seed?: string } | { kind: 'proxy'; upstream: URL; limits: ForwardLimits };

interface Operation {
  method: string;
  path: string;
  request?: { headers?: { name: string }[] };
  responses: { code: string }[];
}

interface Diagnostic {
  path?: string[];
  location?: string[];
  code?: string | number;
  message: string;
  severity: number | string;
}

type PrismModules = typeof import('./prism.ts');

/**
 * Prism, loaded once when the first domain needs it: the bundle scripts/build.ts makes (a second
 * instead of several to load), or the packages themselves when it has not been built.
 */
async function prismModules(): Promise<PrismModules> {
  const bundle = freshPrismBundle();
  return bundle ? (createRequire(import.meta.url)(bundle) as PrismModules) : import('./prism.ts');
}

/** scripts/dist/prism.cjs when it is built and newer than its source, else undefined. */
function freshPrismBundle(): string | undefined {
  const bundle = join(toolchainRoot(), 'scripts', 'dist', 'prism.cjs');
  const source = join(toolchainRoot(), 'scripts', 'mock', 'prism.ts');
  return isFresh(bundle, [source]) ? bundle : undefined;
}

let modules: PrismModules | undefined;

/** Above this size a spec is prepared in a worker thread that can be stopped; small ones in-process (faster start). */
const WORKER_FROM_BYTES = 2 * 1024 * 1024;

/**
 * Prism's operations for a document. Prism dereferences the whole document and re-bundles it once per
 * operation; on some vendor specs (Microsoft Graph) that never ends. Large specs are therefore prepared
 * in a worker thread with a time and memory bound, and refused with a clear message past it.
 */
async function prepareOperations(document: Record<string, unknown>): Promise<Operation[]> {
  const size = JSON.stringify(document).length;
  if (size < WORKER_FROM_BYTES) return (await modules!.http.getHttpOperationsFromSpec(document as never)) as unknown as Operation[];
  const prismPath = freshPrismBundle() ?? createRequire(import.meta.url).resolve('@stoplight/prism-http');
  const script = `
    const { parentPort, workerData } = require('node:worker_threads');
    const loaded = require(workerData.prismPath);
    const http = loaded.http ?? loaded;
    http.getHttpOperationsFromSpec(workerData.document).then(
      (operations) => parentPort.postMessage({ operations }),
      (error) => parentPort.postMessage({ error: String(error && error.message || error) }),
    );`;
  const seconds = limits.mockPrepareSeconds;
  const worker = new Worker(script, {
    eval: true,
    workerData: { prismPath, document },
    resourceLimits: { maxOldGenerationSizeMb: limits.mockPrepareMemoryMb },
  });
  try {
    return await new Promise<Operation[]>((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new UserError(
              `Prism could not prepare this spec for mocking within ${seconds} s (${(size / 1024 / 1024).toFixed(0)} MB; raise the limit with APIS_MOCK_PREPARE_SECONDS=<seconds>)`,
            ),
          ),
        seconds * 1000,
      );
      worker.once('message', (message: { operations?: Operation[]; error?: string }) => {
        clearTimeout(timer);
        if (message.error !== undefined) reject(new Error(message.error));
        else resolve(message.operations!);
      });
      worker.once('error', (error: Error & { code?: string }) => {
        clearTimeout(timer);
        reject(
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new UserError(
                `Prism ran out of memory preparing this spec for mocking (${limits.mockPrepareMemoryMb} MB; raise it with APIS_MOCK_PREPARE_MB=<megabytes>)`,
              )
            : error,
        );
      });
    });
  } finally {
    await worker.terminate();
  }
}

export class DomainEngine {
  private readonly idempotency = new IdempotencyStore();

  private constructor(
    readonly domain: string,
    readonly operations: Operation[],
    private readonly prism: {
      request: (
        input: IHttpRequest,
        ops: never[],
        config?: IHttpConfig,
      ) => () => Promise<{
        _tag: 'Left' | 'Right';
        left?: PrismError;
        right?: { output: IHttpResponse; validations: { input: Diagnostic[]; output: Diagnostic[] } };
      }>;
    },
    private readonly config: IHttpConfig,
    /** `type` and `title` each operation declares for the refusals the mock answers itself, by "METHOD /path". */
    private readonly declared: Map<string, Map<number, { type: string; title: string }>>,
  ) {}

  /** `file` names the spec in messages; `document` is the bundled spec, which Prism may modify. */
  static async create(domain: string, file: string, document: Record<string, unknown>, mode: EngineMode): Promise<DomainEngine> {
    modules ??= await prismModules();
    // Read before Prism sees the document (it may change it).
    const declared = declaredProblems(document);
    let operations: Operation[];
    try {
      operations = await prepareOperations(document);
    } catch (error) {
      if (error instanceof UserError) throw new UserError(`${file}: ${error.message}`);
      throw new UserError(`${file}: Prism cannot read the spec: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    }
    if (operations.length === 0)
      throw new UserError(`${file}: has no operations to ${mode.kind === 'mock' ? 'mock' : 'proxy'} (webhooks alone are not served)`);
    const shared = { validateRequest: true, validateResponse: true, checkSecurity: true, errors: false, upstreamProxy: undefined };
    const config = (
      mode.kind === 'mock'
        ? { ...shared, isProxy: false, mock: { dynamic: mode.dynamic, seed: mode.seed } }
        : { ...shared, isProxy: true, upstream: mode.upstream, mock: { dynamic: false } }
    ) as IHttpConfig;
    const logger = modules.createLogger(`apis-mock-${domain}`, { level: 'silent' });
    const components = mode.kind === 'proxy' ? { logger, forward: forwarder(mode.limits) } : { logger };
    const prism = modules.http.createInstance(config, components as never) as unknown as DomainEngine['prism'];
    return new DomainEngine(domain, operations, prism, config, declared);
  }

  async respond(request: MockRequest, fate: FaultDecision): Promise<MockResponse> {
    if (fate.fault === 'drop') return { status: 0, headers: {}, body: undefined, drop: true, notes: ['connection dropped (fault)'] };
    const input = this.prismInput(request);
    const operation = this.operationOf(input);
    if (fate.fault !== undefined) return this.faultResponse(input, operation, fate.fault, fate.retryAfterSeconds);
    const key = operation?.request?.headers?.some((h) => h.name.toLowerCase() === 'idempotency-key') ? request.headers['idempotency-key'] : undefined;
    if (!operation || key === undefined) return (await this.answer(input)).response;

    const claim = await this.idempotency.claim(`${operation.method} ${operation.path}`, key, requestFingerprint(request.method, request.path, request.body));
    if (claim.kind === 'conflict') {
      const conflict = await this.statusResponse(input, operation, 409, 'The Idempotency-Key was already used with another request');
      return { ...conflict, notes: [`Idempotency-Key ${key} reused with another request: 409`] };
    }
    if (claim.kind === 'replay')
      return {
        ...claim.response,
        headers: { ...claim.response.headers, 'idempotent-replayed': 'true' },
        notes: [`replayed the answer to Idempotency-Key ${key}`],
      };
    try {
      const { response, processed } = await this.answer(input);
      claim.settle(processed && response.status < 500 ? { status: response.status, headers: response.headers, body: response.body } : undefined);
      return response;
    } catch (error) {
      claim.settle(undefined);
      throw error;
    }
  }

  private prismInput(request: MockRequest): IHttpRequest {
    return {
      method: request.method.toLowerCase() as IHttpRequest['method'],
      url: { path: request.path, query: request.query },
      headers: request.headers,
      body: request.body,
    };
  }

  private operationOf(input: IHttpRequest): Operation | undefined {
    const routed = modules!.route({ resources: this.operations, input });
    return routed._tag === 'Right' ? (routed.right as Operation) : undefined;
  }

  /** Prism's answer; `processed` is false when the request was refused before any work (invalid, unauthorised). */
  private async answer(input: IHttpRequest, code?: number): Promise<{ response: MockResponse; processed: boolean }> {
    const preferred = modules!.getHttpConfigFromRequest(input);
    if (preferred._tag === 'Left') return { response: problem(400, 'The Prefer header is not valid', preferred.left!.message), processed: false };
    const config = {
      ...this.config,
      mock: { ...(this.config as { mock: object }).mock, ...dropUndefined(preferred.right!), ...(code ? { code } : {}) },
    } as IHttpConfig;
    const result = await this.prism.request(input, this.operations as never[], config)();
    const declared = (status: number) =>
      this.declared.get(`${input.method.toUpperCase()} ${this.operationOf(input)?.path}`)?.get(status) ?? defaultProblem(status);
    if (result._tag === 'Left') {
      const error = result.left!;
      const violations = (error.additional?.validation ?? []) as Diagnostic[];
      if (violations.length > 0) return { response: this.refusal(violations, declared), processed: false };
      // The same answers as a generated server's for a path or method the spec does not have.
      if (error.name?.endsWith('#NO_PATH_MATCHED_ERROR'))
        return { response: problemResponse({ ...defaultProblem(404), status: 404, detail: DETAILS.noRoute }), processed: false };
      if (error.name?.endsWith('#NO_METHOD_MATCHED_ERROR'))
        return { response: problemResponse({ ...defaultProblem(405), status: 405, detail: DETAILS.noMethod }), processed: false };
      // Prism's other problems (upstream failures) keep its type URI.
      const type = error.name && error.name !== 'Error' ? error.name : 'about:blank';
      const response = problem(error.status ?? 500, error.message, error.detail, error.additional?.headers, type);
      return { response, processed: false };
    }
    const { output, validations } = result.right!;
    const errors = validations.input.filter((v) => isError(v));
    if (errors.length > 0) return { response: this.refusal(errors, declared), processed: false };
    const notes = validations.output.filter(isError).map((v) => `response violates the spec: ${locationOf(v)} ${v.message}`);
    return { response: toResponse(output, notes), processed: true };
  }

  /** 401, 415 or 400, in that order, as a generated server answers them (scripts/runtime/problems.ts). */
  private refusal(violations: Diagnostic[], declared: (status: number) => { type: string; title: string }): MockResponse {
    if (violations.some((v) => String(v.code) === '401')) {
      const response = problemResponse({ ...declared(401), status: 401, detail: DETAILS.unauthorized });
      return { ...response, notes: ['unauthorised: the request does not meet the security requirements'] };
    }
    if (violations.some((v) => String(v.code) === '415')) {
      const response = problemResponse({ ...declared(415), status: 415, detail: DETAILS.unsupportedMediaType });
      return { ...response, notes: [`request violates the spec: ${violations.find((v) => String(v.code) === '415')!.message}`] };
    }
    const errors = violations.map(problemErrorOf);
    const response = problemResponse(invalidRequestProblem(declared(400), errors));
    return { ...response, notes: errors.map((e) => `request violates the spec: ${e.pointer} ${e.detail}`) };
  }

  /** The spec's own example for the status when the operation declares it, else a plain problem. */
  private async statusResponse(input: IHttpRequest, operation: Operation | undefined, status: number, title: string): Promise<MockResponse> {
    if (operation?.responses.some((r) => r.code === String(status))) {
      const { response } = await this.answer(input, status);
      if (response.status === status) return response;
    }
    return problem(status, title);
  }

  private async faultResponse(input: IHttpRequest, operation: Operation | undefined, status: number, retryAfterSeconds: number): Promise<MockResponse> {
    const title = status === 429 ? 'Too many requests' : status === 503 ? 'Service unavailable' : 'Injected fault';
    const response = await this.statusResponse(input, operation, status, title);
    const headers = { ...response.headers };
    if (status === 429 || status === 503) headers['retry-after'] = String(retryAfterSeconds);
    return { ...response, status, headers, notes: [`injected fault ${status}`] };
  }
}

interface PrismError extends Error {
  status?: number;
  detail?: string;
  additional?: { headers?: Record<string, string>; validation?: unknown[] };
}

function isError(v: Diagnostic): boolean {
  return v.severity === 0 || v.severity === 'Error';
}

function dropUndefined(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined));
}

function locationOf(v: Diagnostic): string {
  return pointerOf(v.path ?? v.location ?? []);
}

function toResponse(output: IHttpResponse, notes: string[]): MockResponse {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(output.headers ?? {})) headers[name.toLowerCase()] = String(value);
  const body = output.body === undefined || output.body === null ? undefined : typeof output.body === 'string' ? output.body : JSON.stringify(output.body);
  return { status: output.statusCode, headers, body, notes };
}

export function problem(
  status: number,
  title: string,
  detail?: string,
  extraHeaders?: Record<string, string>,
  type = 'about:blank',
  extra: Record<string, unknown> = {},
): MockResponse {
  const body: Record<string, unknown> = { type, title, status };
  if (detail) body.detail = detail;
  Object.assign(body, extra);
  return { status, headers: { ...lowerCase(extraHeaders), 'content-type': 'application/problem+json' }, body: JSON.stringify(body), notes: [] };
}

function lowerCase(headers: Record<string, string> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(headers ?? {}).map(([k, v]) => [k.toLowerCase(), String(v)]));
}

/** A problem body sent as application/problem+json. */
function problemResponse(body: Problem): MockResponse {
  return { status: body.status, headers: { 'content-type': 'application/problem+json' }, body: JSON.stringify(body), notes: [] };
}

const PARTS: Record<string, RequestPart> = { body: 'body', header: 'header', query: 'query', path: 'path', cookie: 'cookie' };

/**
 * A Prism diagnostic as the generated server reports the same violation: Prism names the part in
 * its message ("Request body property amount.value must be string") and points at the object that
 * lacks or has too much of a property; the pointer names the property itself, the detail is Ajv's.
 */
function problemErrorOf(v: Diagnostic): ProblemError {
  const [part, ...rest] = (v.path ?? v.location ?? []).map(String);
  let detail = v.message.replace(/^Request (?:body|header|query|path|cookie)(?: parameter)?(?: property)?(?: \S+)? (?=must )/, '');
  const segments = [...rest];
  const missing = /^must have required property '(.+)'$/.exec(detail);
  const extra = /^(must NOT have additional properties); found '(.+)'$/.exec(detail);
  if (missing) segments.push(missing[1]);
  if (extra) {
    segments.push(extra[2]);
    detail = extra[1];
  }
  const known = part === undefined ? undefined : PARTS[part];
  return { pointer: known ? requestPointer(known, segments) : pointerOf(v.path ?? v.location ?? []), detail };
}

/** Every operation's declared 400, 401 and 415 problems, by "METHOD /path". */
function declaredProblems(document: Record<string, unknown>): Map<string, Map<number, { type: string; title: string }>> {
  const table = new Map<string, Map<number, { type: string; title: string }>>();
  const paths = document.paths;
  if (typeof paths !== 'object' || paths === null) return table;
  for (const [path, item] of Object.entries(paths)) {
    if (typeof item !== 'object' || item === null) continue;
    for (const [method, operation] of Object.entries(item)) {
      if (typeof operation !== 'object' || operation === null || !('responses' in operation)) continue;
      const statuses = new Map([400, 401, 415].map((status) => [status, declaredProblem(document, operation as Record<string, unknown>, status)]));
      table.set(`${method.toUpperCase()} ${path}`, statuses);
    }
  }
  return table;
}

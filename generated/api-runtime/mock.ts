/**
 * The answers of `apis mock`, computed without Prism and without a server, for the MSW handlers
 * (msw.ts) that web and React Native unit tests use. `apis mock` answers through Prism in static
 * mode; this module makes the same choices, step for step (test/mock/msw-parity.e2e.test.ts compares
 * both for every operation of our specs):
 *  - routing, 401, 415 and 400 problems exactly as the generated server words them (problems.ts);
 *  - the status: `Prefer: code=` (or `?__code=`), else the lowest 2xx, else `default`, else the first;
 *  - the media type by the Accept header (`*\/*` when absent, as fetch sends it), negotiated by negotiator as Prism does;
 *  - the body: `Prefer: example=` by name, else the first example (the media type's `example`, then
 *    its `examples`), else a sample of the schema by @stoplight/json-schema-sampler, as Prism does;
 *  - each declared response header from its example or its schema's sample;
 *  - an Idempotency-Key replays the first answer to the same request, and answers 409 for another.
 * Faults (`Mock-Fault`) and generated data (`dynamic`) exist only in `apis mock`.
 */
import { sample } from '@stoplight/json-schema-sampler';
import { parse as parseCookies } from 'cookie';
import Negotiator from 'negotiator';
import { followRef, isObject } from './local-ref.js';
import { matchMedia } from './media.js';
import { IdempotencyStore, requestFingerprint } from './mock-idempotency.js';
import { DETAILS, declaredProblem, defaultProblem, invalidRequestProblem, type Problem, type ProblemError } from './problems.js';
import { MalformedPathError, Router } from './router.js';
import { authenticateRequest, requirementsOf } from './security.js';
import { parameterErrors, parameterValues, problemErrors, SpecValidator } from './validation.js';

type Json = Record<string, unknown>;

export interface MockRequest {
  method: string;
  /** The path inside the API (after its base URL), still percent-encoded. */
  path: string;
  /** The query string without `?`. */
  query: string;
  /** Lower-case names. */
  headers: Record<string, string>;
  /** The body as text, or undefined. */
  body: string | undefined;
}

export interface MockAnswer {
  status: number;
  /** Lower-case names. */
  headers: Record<string, string>;
  body: string | undefined;
}

/** A routed request: its body parsed (JSON) or as text, its path parameters and its query. */
interface CheckedRequest extends Omit<MockRequest, 'query'> {
  parsed: unknown;
  pathParams: Record<string, string>;
  query: URLSearchParams;
}

interface Operation {
  path: string;
  method: string;
  node: Json;
  requirements: Array<Record<string, string[]>>;
  takesIdempotencyKey: boolean;
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const PRISM_ERRORS = 'https://stoplight.io/prism/errors#';
const NOT_FOUND = { type: `${PRISM_ERRORS}NOT_FOUND`, title: 'The server cannot find the requested content', status: 404 };
const NOT_ACCEPTABLE = { type: `${PRISM_ERRORS}NOT_ACCEPTABLE`, title: 'The server cannot produce a representation for your accept header', status: 406 };

function problemAnswer(body: Problem | (Json & { status: number })): MockAnswer {
  return { status: body.status, headers: { 'content-type': 'application/problem+json' }, body: JSON.stringify(body) };
}

/** `apis mock`'s own refusals (engine.ts `problem`): a detail only when there is one. */
function plainProblem(status: number, title: string, detail?: string, type = 'about:blank'): MockAnswer {
  return problemAnswer({ type, title, status, ...(detail ? { detail } : {}) });
}

/** Prefer: code=404, example=declined (RFC 7240, as Prism reads it), or Prism's `__code` and `__example` query parameters. */
export function mockPreferences(headers: Record<string, string>, query: URLSearchParams): { code?: number; example?: string } | string {
  const found: Record<string, string> = {};
  if (headers.prefer !== undefined) {
    for (const preference of headers.prefer.split(',')) {
      const [token, ...rest] = preference.split(';')[0].split('=');
      const name = token.trim().toLowerCase();
      const value = rest
        .join('=')
        .trim()
        .replace(/^"(.*)"$/, '$1');
      if (name && found[name] === undefined) found[name] = value;
    }
  } else {
    for (const name of ['code', 'example']) {
      const value = query.get(`__${name}`);
      if (value !== null) found[name] = value;
    }
  }
  if (found.code !== undefined && !/^\d{3}$/.test(found.code)) return `code must be a three-digit status, not ${JSON.stringify(found.code)}`;
  return { ...(found.code !== undefined ? { code: Number(found.code) } : {}), ...(found.example !== undefined ? { example: found.example } : {}) };
}

/** The declared media type the Accept header prefers, as Prism picks it (the `accepts` package, on negotiator). */
export function preferredMediaType(accept: string, declared: string[]): string | undefined {
  return new Negotiator({ headers: { accept } }).mediaTypes(declared)[0];
}

/** A media type's examples in Prism's order: `example` (or the schema's first example) as "default", then `examples` by name. */
function examplesOf(spec: Json, media: Json): Array<{ key: string; value: unknown }> {
  const out: Array<{ key: string; value: unknown }> = [];
  const schema = isObject(media.schema) ? media.schema : undefined;
  const first =
    'example' in media
      ? media.example
      : Array.isArray(schema?.examples)
        ? schema.examples[0]
        : schema && !('$ref' in schema) && 'example' in schema
          ? schema.example
          : undefined;
  if (first !== undefined) out.push({ key: 'default', value: first });
  if (isObject(media.examples)) {
    for (const [key, example] of Object.entries(media.examples)) {
      const resolved = followRef(spec, example);
      if (isObject(resolved)) out.push({ key, value: resolved.value });
    }
  }
  return out;
}

export class MockResponder {
  private readonly router: Router<Map<string, Operation>>;
  private readonly validator: SpecValidator;
  private readonly idempotency = new IdempotencyStore();

  constructor(private readonly spec: Json) {
    const paths = isObject(spec.paths) ? spec.paths : {};
    const routes = new Map<string, Map<string, Operation>>();
    for (const [path, rawItem] of Object.entries(paths)) {
      const item = followRef(spec, rawItem);
      if (!isObject(item)) continue;
      const methods = new Map<string, Operation>();
      for (const method of METHODS) {
        const node = followRef(spec, item[method]);
        if (!isObject(node)) continue;
        const parameters = [...(Array.isArray(item.parameters) ? item.parameters : []), ...(Array.isArray(node.parameters) ? node.parameters : [])];
        const takesIdempotencyKey = parameters.some((p) => {
          const parameter = followRef(spec, p);
          return isObject(parameter) && parameter.in === 'header' && String(parameter.name).toLowerCase() === 'idempotency-key';
        });
        methods.set(method, { path, method, node, requirements: requirementsOf(spec, node), takesIdempotencyKey });
      }
      routes.set(path, methods);
    }
    this.router = new Router(routes);
    this.validator = new SpecValidator(spec, { formats: true });
  }

  async respond(request: MockRequest): Promise<MockAnswer> {
    // Like `apis mock`'s server, a JSON body that does not parse is refused before anything else.
    let body: unknown = request.body === '' ? undefined : request.body;
    if (typeof body === 'string' && /[/+]json\b/i.test(request.headers['content-type'] ?? '')) {
      try {
        body = JSON.parse(body);
      } catch (error) {
        return plainProblem(400, 'The request body cannot be read', `the body is not valid JSON (${(error as Error).message})`);
      }
    }
    const method = request.method.toLowerCase();
    let match: ReturnType<MockResponder['router']['match']>;
    try {
      match = this.router.match(request.path, (methods) => methods.has(method));
    } catch (error) {
      if (!(error instanceof MalformedPathError)) throw error;
      return problemAnswer(
        invalidRequestProblem(declaredProblem(this.spec, undefined, 400), [{ pointer: `/path/${error.parameter}`, detail: 'is not valid percent-encoding' }]),
      );
    }
    if (!match) return problemAnswer({ ...defaultProblem(404), status: 404, detail: DETAILS.noRoute });
    const operation = match.route.get(method);
    if (!operation) return problemAnswer({ ...defaultProblem(405), status: 405, detail: DETAILS.noMethod });
    const query = new URLSearchParams(request.query);

    const checked = { ...request, parsed: body, pathParams: match.params, query };
    const key = operation.takesIdempotencyKey ? request.headers['idempotency-key'] : undefined;
    if (key === undefined) return (await this.answer(operation, checked)).answer;
    const claim = await this.idempotency.claim(
      `${operation.method.toUpperCase()} ${operation.path}`,
      key,
      requestFingerprint(request.method, request.path, body),
    );
    if (claim.kind === 'conflict') {
      // The spec's own 409 when the operation declares one, else a plain problem.
      const declares409 = isObject(operation.node.responses) && '409' in operation.node.responses;
      const conflict = declares409 ? (await this.answer(operation, checked, 409)).answer : undefined;
      return conflict?.status === 409 ? conflict : plainProblem(409, 'The Idempotency-Key was already used with another request');
    }
    if (claim.kind === 'replay') return { ...claim.response, headers: { ...claim.response.headers, 'idempotent-replayed': 'true' } };
    const { answer, processed } = await this.answer(operation, checked);
    claim.settle(processed && answer.status < 500 ? answer : undefined);
    return answer;
  }

  /** The request checked, then the declared response chosen; `processed` is false for a refusal. */
  private async answer(operation: Operation, request: CheckedRequest, forcedCode?: number): Promise<{ answer: MockAnswer; processed: boolean }> {
    const preferences = mockPreferences(request.headers, request.query);
    // Prism says no more than this about a Prefer header it cannot read, and `apis mock` passes it on.
    if (typeof preferences === 'string') return { answer: plainProblem(400, 'The Prefer header is not valid', 'Invalid request'), processed: false };
    const refusal = await this.refusal(operation, request);
    if (refusal) return { answer: refusal, processed: false };
    const code = forcedCode ?? preferences.code;
    const answer = this.negotiate(operation, request, code, preferences.example);
    return { answer, processed: !('refused' in answer) };
  }

  /** 401, 415, then 400 with every violation, worded as the generated server words them. */
  private async refusal(operation: Operation, request: CheckedRequest): Promise<MockAnswer | undefined> {
    const { query, pathParams } = request;
    const declared = (status: number) => declaredProblem(this.spec, operation.node, status);
    const cookies = parseCookies(request.headers.cookie ?? '');
    const header = (name: string) => request.headers[name.toLowerCase()];
    const authentication = await authenticateRequest(
      this.spec,
      operation.requirements,
      { header, query: (q) => query.get(q) ?? undefined, cookie: (c) => cookies[c], tlsAuthorized: false },
      { operationId: String(operation.node.operationId ?? ''), method: operation.method, path: operation.path },
      undefined,
    );
    if (authentication.outcome !== 'allowed') return problemAnswer({ ...declared(401), status: 401, detail: DETAILS.unauthorized });

    const plan = this.validator.plan(operation.path, operation.method);
    const errors: ProblemError[] = [];
    if (request.parsed !== undefined && plan.media.length === 0) {
      // Prism's own refusal of a body the operation does not take, which `apis mock` passes on.
      return plainProblem(
        415,
        'Invalid content type',
        'No supported content types, but request included a non-empty body',
        `${PRISM_ERRORS}INVALID_CONTENT_TYPE`,
      );
    }
    if (request.parsed !== undefined) {
      const media = matchMedia(plan.media, request.headers['content-type'] ?? '');
      if (!media) return problemAnswer({ ...declared(415), status: 415, detail: DETAILS.unsupportedMediaType });
      // JSON and text bodies are checked; form and multipart bodies are taken as they come.
      if (media.validate && (media.kind === 'json' || media.kind === 'text') && !media.validate(request.parsed))
        errors.push(...problemErrors('body', media.validate.errors));
    } else if (plan.bodyRequired) {
      errors.push({ pointer: '/body', detail: 'is required' });
    }
    const values = parameterValues(plan, { pairs: [...query], pathParams, header, cookie: (c) => cookies[c] });
    errors.push(...parameterErrors(plan, values));
    return errors.length > 0 ? problemAnswer(invalidRequestProblem(declared(400), errors)) : undefined;
  }

  /** Prism's static negotiation: the response, its media type, its example and its headers. */
  private negotiate(operation: Operation, request: CheckedRequest, code: number | undefined, exampleKey: string | undefined): MockAnswer & { refused?: true } {
    const responses = Object.entries(isObject(operation.node.responses) ? operation.node.responses : {})
      .filter(([status]) => !status.startsWith('x-'))
      .map(([status, response]) => ({ status, response: followRef(this.spec, response) }))
      .filter((r): r is { status: string; response: Json } => isObject(r.response));
    let chosen: { status: string; response: Json } | undefined;
    if (code !== undefined) {
      chosen =
        responses.find((r) => r.status.toLowerCase() === String(code)) ??
        (() => {
          const range = responses.find((r) => r.status === `${String(code)[0]}XX`) ?? responses.find((r) => r.status === 'default');
          return range && { ...range, status: String(code) };
        })();
      if (!chosen) return { ...refused(NOT_FOUND, `Requested status code ${code} is not defined in the document.`) };
    } else {
      const success = responses.filter((r) => /^2(\d\d|XX)$/.test(r.status)).sort((a, b) => (a.status < b.status ? -1 : a.status > b.status ? 1 : 0))[0];
      chosen = success ?? responses.find((r) => r.status === 'default') ?? responses[0];
      if (chosen && /^\dXX$/.test(chosen.status)) chosen = { ...chosen, status: `${chosen.status[0]}00` };
      else if (chosen?.status === 'default') chosen = { ...chosen, status: '200' };
      if (!chosen)
        return { ...refused({ type: `${PRISM_ERRORS}NO_RESPONSE_RESPONSE_DEFINED`, title: 'No response defined for the selected operation', status: 500 }) };
    }
    const status = Number(chosen.status);
    const headers: Record<string, string> = { ...this.mockedHeaders(chosen.response) };
    const content = isObject(chosen.response.content) ? chosen.response.content : {};
    const declared = Object.keys(content);
    let mediaType: string | undefined;
    let body: unknown;
    if (operation.method !== 'head') {
      const accept = request.headers.accept ?? '*/*';
      mediaType = declared.length > 0 ? preferredMediaType(accept, declared) : undefined;
      if (declared.length > 0 && mediaType === undefined) {
        if (chosen.status !== '204' && !accept.split(',').some((a) => a.includes('*/*')))
          return refused(NOT_ACCEPTABLE, `Unable to find content for ${accept.split(',')}`);
      } else if (mediaType !== undefined) {
        const declaredMedia = content[mediaType];
        const media: Json = isObject(declaredMedia) ? declaredMedia : {};
        const examples = examplesOf(this.spec, media);
        if (exampleKey !== undefined) {
          const found = examples.find((e) => e.key === exampleKey);
          if (!found) return refused(NOT_FOUND, `Response for contentType: ${mediaType} and exampleKey: ${exampleKey} does not exist.`);
          body = found.value;
        } else body = examples[0]?.value;
        if (body === undefined && isObject(media.schema)) body = sample(media.schema as never, { ticks: 2500 }, this.spec);
        if (mediaType === '*/*') mediaType = 'text/plain';
      }
    }
    if (mediaType !== undefined) headers['content-type'] = mediaType;
    if (operation.node.deprecated === true) headers.deprecation = 'true';
    return { status, headers, body: body === undefined || body === null ? undefined : typeof body === 'string' ? body : JSON.stringify(body) };
  }

  /** Each declared header: its first example, else a sample of its schema when that is a string or a number. */
  private mockedHeaders(response: Json): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [name, raw] of Object.entries(isObject(response.headers) ? response.headers : {})) {
      const declared = followRef(this.spec, raw);
      if (!isObject(declared)) continue;
      const schema = isObject(declared.schema) ? declared.schema : undefined;
      let value: unknown = null;
      if (schema) {
        const examples = examplesOf(this.spec, declared);
        if (examples.length > 0) value = examples[0].value;
        else {
          const sampled = sample(schema as never, { ticks: 2500 }, this.spec);
          value = typeof sampled === 'string' || typeof sampled === 'number' ? sampled : null;
        }
      }
      // `apis mock` sends what Prism computed, a header without a value included, as text.
      out[name.toLowerCase()] = String(value);
    }
    return out;
  }
}

function refused(template: { type: string; title: string; status: number }, detail?: string): MockAnswer & { refused: true } {
  return { ...plainProblem(template.status, template.title, detail, template.type), refused: true };
}

/**
 * Request and response validation against the spec, with Ajv (JSON Schema 2020-12) over the
 * normalised document (normalise.ts). Each operation's validators are compiled the first time it is
 * called, and every schema once per direction however many operations use it, so a spec with a
 * thousand operations starts at once and pays only for what it serves. Patterns run on RE2.
 * Replaces express-openapi-validator, which compiled every route's path-to-regexp on each request,
 * threw at start on `:` and `(` in paths, could not read form bodies, and crashed on 3.0 `nullable`.
 * Imports nothing of the repository: copied into generated packages.
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import * as formatsModule from 'ajv-formats';
import { linearRegExp } from './linear-patterns.js';
import { bodyKind, mediaTypeOf, type BodyKind } from './media.js';
import { followRef, isObject, refSegments } from './local-ref.js';
import { normaliseForValidation } from './normalise.js';
import { fromPairs, fromStyled, type Serialisation } from './parameters.js';
import { requestPointer, type ProblemError, type RequestPart } from './problems.js';

type Json = Record<string, unknown>;

/** Where the whole document is registered in each Ajv instance; schemas are compiled by pointer into it. */
const SPEC_ID = 'urn:apis:openapi';

export type ParameterIn = 'path' | 'query' | 'header' | 'cookie';

export interface ParameterPlan {
  in: ParameterIn;
  name: string;
  /** The key in the validated object: header names lower-cased, as node delivers them. */
  key: string;
  serialisation: Serialisation;
}

export interface MediaPlan {
  mediaType: string;
  kind: BodyKind;
  /** Per-property serialisation of form fields (their `encoding`), and which multipart properties hold JSON. */
  fields: Map<string, Serialisation>;
  validate?: ValidateFunction;
  /** Whether a string body is checked against the schema (text whose schema describes a string). */
  validatesText: boolean;
}

export interface OperationPlan {
  parameters: ParameterPlan[];
  validateParameters: Map<ParameterIn, ValidateFunction>;
  bodyRequired: boolean;
  media: MediaPlan[];
}

const escapeSegment = (s: string) => encodeURIComponent(s.replace(/~/g, '~0').replace(/\//g, '~1'));
const refTo = (pointer: string[]) => ({ $ref: `${SPEC_ID}#/${pointer.map(escapeSegment).join('/')}` });

/** Follows local $refs, keeping the pointer of where the node really is. */
function resolve(spec: Json, node: unknown, pointer: string[]): [unknown, string[]] {
  let current = node;
  let at = pointer;
  for (let hops = 0; isObject(current) && typeof current.$ref === 'string' && current.$ref.startsWith('#/') && hops < 32; hops++) {
    at = refSegments(current.$ref);
    current = followRef(spec, { $ref: current.$ref });
  }
  return [current, at];
}

function shapeOf(spec: Json, schema: unknown): { shape: Serialisation['shape']; properties: string[] } {
  const [node] = resolve(spec, schema, []);
  if (!isObject(node)) return { shape: 'scalar', properties: [] };
  const types = Array.isArray(node.type) ? node.type : [node.type];
  if (types.includes('array') || node.items !== undefined) return { shape: 'array', properties: [] };
  if (types.includes('object') || node.properties !== undefined) {
    return { shape: 'object', properties: isObject(node.properties) ? Object.keys(node.properties) : [] };
  }
  return { shape: 'scalar', properties: [] };
}

const DEFAULT_STYLE: Record<ParameterIn, string> = { path: 'simple', query: 'form', header: 'simple', cookie: 'form' };

type AjvFormats = (ajv: Ajv2020, options: { mode: 'fast' }) => unknown;

function createAjv(document: Json, coerce: boolean, formats: boolean): Ajv2020 {
  const ajv = new Ajv2020({
    strict: false,
    allErrors: true,
    validateSchema: false,
    validateFormats: formats,
    logger: false,
    coerceTypes: coerce ? 'array' : false,
    code: { regExp: linearRegExp as never },
  });
  // ajv-formats is CommonJS: its function is the module itself under Node, `.default` under bundlers.
  const module = formatsModule as unknown as { default?: AjvFormats } & AjvFormats;
  (module.default ?? module)(ajv, { mode: 'fast' });
  // OpenAPI's own formats: the integer ranges are checked, the rest only name a representation.
  ajv.addFormat('int32', { type: 'number', validate: (n: number) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31 });
  ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) });
  for (const name of ['float', 'double']) ajv.addFormat(name, { type: 'number', validate: () => true });
  for (const name of ['binary', 'password', 'byte']) ajv.addFormat(name, { type: 'string', validate: () => true });
  ajv.addSchema(document, SPEC_ID);
  return ajv;
}

export interface ValidatorOptions {
  /** Check `format`s (date-time, email, uuid…). Default true. */
  formats?: boolean;
}

export class SpecValidator {
  private readonly requestAjv: Ajv2020;
  private readonly coercingAjv: Ajv2020;
  private responseAjv: Ajv2020 | undefined;
  private readonly plans = new Map<string, OperationPlan>();
  private readonly responses = new Map<string, ValidateFunction | null>();
  private readonly answers = new Map<string, ValidateFunction | null>();

  constructor(
    private readonly spec: Json,
    private readonly options: ValidatorOptions = {},
  ) {
    const forRequests = normaliseForValidation(spec, 'request');
    this.requestAjv = createAjv(forRequests, false, options.formats ?? true);
    this.coercingAjv = createAjv(forRequests, true, options.formats ?? true);
  }

  /** The validators of the operation at `paths[path][method]`, compiled on first use. */
  plan(path: string, method: string): OperationPlan {
    const id = `${method} ${path}`;
    let plan = this.plans.get(id);
    if (!plan) {
      plan = this.compile(path, method);
      this.plans.set(id, plan);
    }
    return plan;
  }

  private compile(path: string, method: string): OperationPlan {
    const spec = this.spec;
    const paths = spec.paths as Json;
    const [item, itemAt] = resolve(spec, paths[path], ['paths', path]);
    const [operation, operationAt] = resolve(spec, isObject(item) ? item[method] : undefined, [...itemAt, method]);
    const op = isObject(operation) ? operation : {};
    // Operation parameters override path-item ones of the same name and location.
    const declared = new Map<string, [Json, string[]]>();
    for (const [list, at] of [
      [isObject(item) ? item.parameters : undefined, [...itemAt, 'parameters']],
      [op.parameters, [...operationAt, 'parameters']],
    ] as const) {
      if (!Array.isArray(list)) continue;
      list.forEach((entry, i) => {
        const [parameter, pointer] = resolve(spec, entry, [...at, String(i)]);
        if (isObject(parameter) && typeof parameter.name === 'string' && typeof parameter.in === 'string') {
          declared.set(`${parameter.in} ${parameter.in === 'header' ? parameter.name.toLowerCase() : parameter.name}`, [parameter, pointer]);
        }
      });
    }
    const parameters: ParameterPlan[] = [];
    const schemas = new Map<ParameterIn, { properties: Json; required: string[] }>();
    for (const [parameter, pointer] of declared.values()) {
      const where = parameter.in as ParameterIn;
      if (!(where in DEFAULT_STYLE)) continue;
      const content = isObject(parameter.content) ? Object.keys(parameter.content)[0] : undefined;
      const schemaAt = content === undefined ? [...pointer, 'schema'] : [...pointer, 'content', content, 'schema'];
      const media = content === undefined ? undefined : (parameter.content as Json)[content];
      const schema = content === undefined ? parameter.schema : isObject(media) ? media.schema : undefined;
      const style = typeof parameter.style === 'string' ? parameter.style : DEFAULT_STYLE[where];
      const key = where === 'header' ? (parameter.name as string).toLowerCase() : (parameter.name as string);
      parameters.push({
        in: where,
        name: parameter.name as string,
        key,
        serialisation: {
          name: parameter.name as string,
          style,
          explode: typeof parameter.explode === 'boolean' ? parameter.explode : style === 'form',
          json: content !== undefined,
          ...shapeOf(spec, schema),
        },
      });
      const entry = schemas.get(where) ?? { properties: {}, required: [] };
      entry.properties[key] = schema === undefined ? {} : refTo(schemaAt);
      if (parameter.required === true || where === 'path') entry.required.push(key);
      schemas.set(where, entry);
    }
    const validateParameters = new Map<ParameterIn, ValidateFunction>();
    for (const [where, { properties, required }] of schemas) {
      validateParameters.set(where, this.coercingAjv.compile({ type: 'object', properties, required }));
    }
    const [body, bodyAt] = resolve(spec, op.requestBody, [...operationAt, 'requestBody']);
    const media: MediaPlan[] = [];
    if (isObject(body) && isObject(body.content)) {
      for (const [declaredType, entry] of Object.entries(body.content)) {
        const mediaType = mediaTypeOf(declaredType);
        const kind = bodyKind(mediaType);
        const schema = isObject(entry) ? entry.schema : undefined;
        const schemaRef = refTo([...bodyAt, 'content', declaredType, 'schema']);
        const [resolvedSchema] = resolve(spec, schema, []);
        const textual = isObject(resolvedSchema) && (resolvedSchema.type === 'string' || resolvedSchema.type === undefined);
        const fields = new Map<string, Serialisation>();
        if ((kind === 'form' || kind === 'multipart') && isObject(resolvedSchema) && isObject(resolvedSchema.properties)) {
          const encoding = isObject(entry) && isObject(entry.encoding) ? entry.encoding : {};
          for (const [name, property] of Object.entries(resolvedSchema.properties)) {
            const e = isObject(encoding[name]) ? (encoding[name] as Json) : {};
            const style = typeof e.style === 'string' ? e.style : 'form';
            const shape = shapeOf(spec, property);
            const contentType = typeof e.contentType === 'string' ? e.contentType : undefined;
            fields.set(name, {
              name,
              style,
              explode: typeof e.explode === 'boolean' ? e.explode : style === 'form',
              // Multipart objects are JSON parts unless the encoding says otherwise.
              json: kind === 'multipart' ? shape.shape === 'object' || /json/.test(contentType ?? '') : false,
              ...shape,
            });
          }
        }
        media.push({
          mediaType,
          kind,
          fields,
          validatesText: textual,
          validate:
            schema === undefined
              ? undefined
              : kind === 'form' || kind === 'multipart'
                ? this.coercingAjv.compile(schemaRef)
                : kind === 'json' || (kind === 'text' && textual)
                  ? this.requestAjv.compile(schemaRef)
                  : undefined,
        });
      }
    }
    return { parameters, validateParameters, bodyRequired: isObject(body) && body.required === true, media };
  }

  /** The validator of a JSON response body: the schema of `responses[key].content[mediaType]`, compiled once, found once per answer kind. */
  response(path: string, method: string, status: number, mediaType: string): ValidateFunction | undefined {
    const asked = `${method} ${path} ${status} ${mediaType}`;
    if (!this.answers.has(asked)) this.answers.set(asked, this.responseValidator(path, method, status, mediaType) ?? null);
    return this.answers.get(asked) ?? undefined;
  }

  private responseValidator(path: string, method: string, status: number, mediaType: string): ValidateFunction | undefined {
    const spec = this.spec;
    const [item, itemAt] = resolve(spec, (spec.paths as Json)[path], ['paths', path]);
    const [operation, operationAt] = resolve(spec, isObject(item) ? item[method] : undefined, [...itemAt, method]);
    const [responses, responsesAt] = resolve(spec, isObject(operation) ? operation.responses : undefined, [...operationAt, 'responses']);
    if (!isObject(responses)) return undefined;
    const digit = String(status)[0];
    const key = [String(status), `${digit}XX`, `${digit}xx`, 'default'].find((k) => Object.hasOwn(responses, k));
    if (key === undefined) return undefined;
    const [response, responseAt] = resolve(spec, responses[key], [...responsesAt, key]);
    if (!isObject(response) || !isObject(response.content)) return undefined;
    const declaredType = Object.keys(response.content).find((t) => mediaTypeOf(t) === mediaType);
    if (declaredType === undefined || !isObject(response.content[declaredType]) || response.content[declaredType].schema === undefined) return undefined;
    // Shared responses (components/responses) compile once for every operation that uses them.
    const id = `${responseAt.join('/')} ${declaredType}`;
    if (!this.responses.has(id)) {
      this.responseAjv ??= createAjv(normaliseForValidation(spec, 'response'), false, this.options.formats ?? true);
      this.responses.set(id, this.responseAjv.compile(refTo([...responseAt, 'content', declaredType, 'schema'])));
    }
    return this.responses.get(id) ?? undefined;
  }
}

/**
 * Ajv's errors as the problem shape's `{pointer, detail}`: the pointer names the missing or
 * unexpected property itself, the detail is Ajv's message without the property.
 */
export function problemErrors(part: RequestPart, errors: ErrorObject[] | null | undefined): ProblemError[] {
  return (errors ?? []).map((error) => {
    const segments = error.instancePath
      .split('/')
      .slice(1)
      .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    const params = error.params as { missingProperty?: string; additionalProperty?: string; unevaluatedProperty?: string };
    const named = params.missingProperty ?? params.additionalProperty ?? params.unevaluatedProperty;
    if (named !== undefined) segments.push(named);
    // The allowed values are part of the message, as Prism (and `apis mock`) give it.
    const allowed = error.keyword === 'enum' && Array.isArray(error.params.allowedValues) ? `: ${error.params.allowedValues.join(', ')}` : '';
    return { pointer: requestPointer(part, segments), detail: `${error.message ?? 'is not valid'}${allowed}` };
  });
}

/** Where a request's parameters come from, whatever carries the request (express, a fetch Request). */
export interface ParameterSource {
  /** The query string's pairs, in order. */
  pairs: Array<[string, string]>;
  /** Decoded path parameters, as the router matched them. */
  pathParams: Record<string, string>;
  header(name: string): string | undefined;
  cookie(name: string): string | undefined;
}

/** The declared parameters' values, deserialised by their style, keyed as the validators expect. */
export function parameterValues(plan: OperationPlan, from: ParameterSource): Record<ParameterIn, Record<string, unknown>> {
  const values: Record<ParameterIn, Record<string, unknown>> = { path: {}, query: {}, header: {}, cookie: {} };
  const claimed = new Set(plan.parameters.filter((p) => p.in === 'query').map((p) => p.name));
  for (const p of plan.parameters) {
    const raw =
      p.in === 'query'
        ? fromPairs(from.pairs, p.serialisation, claimed)
        : ((p.in === 'path' ? from.pathParams[p.name] : p.in === 'header' ? from.header(p.name) : from.cookie(p.name)) ?? undefined);
    const value = typeof raw === 'string' && p.in !== 'query' ? fromStyled(raw, p.serialisation) : raw;
    if (value !== undefined) values[p.in][p.key] = value;
  }
  return values;
}

/** The parameters' violations of the contract (validators coerce the values they accept in place). */
export function parameterErrors(plan: OperationPlan, values: Record<ParameterIn, Record<string, unknown>>): ProblemError[] {
  const errors: ProblemError[] = [];
  for (const [where, validate] of plan.validateParameters) {
    if (!validate(values[where])) errors.push(...problemErrors(where, validate.errors));
  }
  return errors;
}

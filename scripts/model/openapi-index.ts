/**
 * One walk over an unresolved OpenAPI document that every house rule reads, cached per document.
 * Rules never re-walk the document: they iterate the lists built here, and follow $refs through
 * `resolve`, which is a pointer lookup. That keeps the whole ruleset linear in the document size.
 */
import { hasOwn, pointerOf, refFragmentToPath, specialMembers, type JsonPath } from './pointer.ts';

export { pointerOf, type JsonPath };

/**
 * A value of a parsed OpenAPI document. Documents come from YAML or JSON that anyone may have written,
 * so every reader checks the fields it uses (isObject, typeof) before trusting them; the type is loose
 * here, once, so that those checks read naturally instead of casting at every step.
 */
// biome-ignore lint/suspicious/noExplicitAny: the one loose type of the toolchain (see above)
export type Json = any;
/** A mapping of a parsed document (a schema, an operation, the document itself). */
export type JsonObject = Record<string, Json>;

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

export interface OperationEntry {
  /** Where the operation object is. */
  path: JsonPath;
  node: JsonObject;
  method: string;
  /** `paths` operations, `webhooks` operations, or operations of a callback. */
  kind: 'path' | 'webhook' | 'callback';
  /** The URL template, the webhook name, or the callback expression. */
  route: string;
  pathItem: JsonObject;
  pathItemPath: JsonPath;
  /** For callbacks: the label of the operation that declares them. */
  parent?: string;
  /** How every command names the operation (see `operationLabel`). */
  label: string;
}

/**
 * The one way operations are named, in lint findings, diff reports and `x-accepted-breaking-changes`:
 * `POST /v1/payments`; `webhook payment.succeeded` (a webhook's usual POST) or
 * `webhook payment.succeeded PUT`; `callback onDone POST {$request.body#/url} (of POST /v1/jobs)`.
 */
export function operationLabel(kind: OperationEntry['kind'], route: string, method: string, parent?: string): string {
  const m = method.toUpperCase();
  if (kind === 'path') return `${m} ${route}`;
  if (kind === 'webhook') return method === 'post' ? `webhook ${route}` : `webhook ${route} ${m}`;
  const space = route.indexOf(' ');
  const name = space === -1 ? route : route.slice(0, space);
  const expression = space === -1 ? '' : route.slice(space + 1);
  return `callback ${name} ${m} ${expression}${parent ? ` (of ${parent})` : ''}`.replace(/ +/g, ' ');
}

export interface SchemaEntry {
  path: JsonPath;
  node: Json;
}

export interface PropertyEntry {
  /** Where the property's schema is (…/properties/<name>). */
  path: JsonPath;
  name: string;
  node: Json;
  /** The object schema that declares it. */
  owner: SchemaEntry;
}

export interface Resolved<T = Json> {
  node: T;
  path: JsonPath;
}

export interface OpenApiIndex {
  document: Json;
  operations: OperationEntry[];
  /** Every schema location once; a $ref is not followed (its target is listed at its own place). */
  schemas: SchemaEntry[];
  properties: PropertyEntry[];
  /** Every `x-lint-exceptions` value with where it is. */
  exceptions: Array<{ path: JsonPath; node: unknown }>;
  /** Follows internal $ref chains; undefined for a broken or external $ref or a cycle. */
  resolve<T = Json>(node: unknown, path: JsonPath): Resolved<T> | undefined;
  /** Pointers of schemas that can end up in what we send (responses, webhook and callback requests). */
  outgoingSchemas(): Set<string>;
}

const cache = new WeakMap<object, OpenApiIndex>();

export function indexOf(document: unknown): OpenApiIndex {
  if (document === null || typeof document !== 'object') return buildIndex({});
  let index = cache.get(document);
  if (!index) {
    index = buildIndex(document as JsonObject);
    cache.set(document, index);
  }
  return index;
}

/** Drops the cached index of `document` (large: a path per schema and property) once no rule needs it. */
export function forgetIndex(document: object): void {
  cache.delete(document);
}

export function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

const SCHEMA_SINGLE = [
  'items',
  'additionalProperties',
  'unevaluatedProperties',
  'unevaluatedItems',
  'not',
  'contains',
  'if',
  'then',
  'else',
  'propertyNames',
  'contentSchema',
  'additionalItems',
];
const SCHEMA_MAPS = ['properties', 'patternProperties', 'dependentSchemas', '$defs', 'definitions'];
const SCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];

function buildIndex(document: JsonObject): OpenApiIndex {
  const operations: OperationEntry[] = [];
  const schemas: SchemaEntry[] = [];
  const properties: PropertyEntry[] = [];
  const exceptions: Array<{ path: JsonPath; node: unknown }> = [];
  // Dedupe by identity: a parsed document gives every location its own object, so a schema object
  // is one location (YAML anchors aside, which are then checked once).
  const seenSchemas = new WeakSet<object>();

  const resolve = <T>(node: unknown, path: JsonPath): Resolved<T> | undefined => {
    let current: unknown = node;
    let currentPath = path;
    for (let hops = 0; hops < 32; hops++) {
      if (!isObject(current) || typeof current.$ref !== 'string') return { node: current as T, path: currentPath };
      const ref: string = current.$ref;
      if (!ref.startsWith('#')) return undefined;
      let target: unknown = document;
      const segments = refFragmentToPath(ref.slice(1));
      if (!segments) return undefined;
      for (const segment of segments) {
        if (!hasOwn(target, segment)) return undefined;
        target = (target as Record<string, unknown>)[segment];
      }
      if (target === undefined) return undefined;
      current = target;
      currentPath = segments;
    }
    return undefined;
  };

  // Schemas: every location once, iteratively, so 10,000-level nesting cannot overflow the stack.
  const walkSchema = (start: unknown, startPath: JsonPath) => {
    const stack: SchemaEntry[] = [{ node: start, path: startPath }];
    while (stack.length > 0) {
      const entry = stack.pop()!;
      const schema = entry.node;
      if (isObject(schema)) {
        if (seenSchemas.has(schema)) continue;
        seenSchemas.add(schema);
      }
      schemas.push(entry);
      if (!isObject(schema) || typeof schema.$ref === 'string') continue;
      if (isObject(schema.properties)) {
        for (const [name, child] of Object.entries(schema.properties)) {
          properties.push({ path: [...entry.path, 'properties', name], name, node: child, owner: entry });
        }
      }
      for (const k of SCHEMA_SINGLE) {
        const child = schema[k];
        if (isObject(child) || typeof child === 'boolean') stack.push({ node: child, path: [...entry.path, k] });
        else if (Array.isArray(child)) for (const [i, c] of child.entries()) stack.push({ node: c, path: [...entry.path, k, i] });
      }
      for (const k of SCHEMA_MAPS) {
        if (isObject(schema[k])) for (const [name, child] of Object.entries(schema[k])) stack.push({ node: child, path: [...entry.path, k, name] });
      }
      for (const k of SCHEMA_LISTS) {
        if (Array.isArray(schema[k])) for (const [i, c] of (schema[k] as unknown[]).entries()) stack.push({ node: c, path: [...entry.path, k, i] });
      }
    }
  };

  const walkContent = (content: unknown, path: JsonPath) => {
    if (!isObject(content)) return;
    for (const [type, media] of Object.entries(content)) {
      if (!isObject(media)) continue;
      if ('schema' in media) walkSchema(media.schema, [...path, type, 'schema']);
      if (isObject(media.encoding)) {
        for (const [name, enc] of Object.entries(media.encoding)) {
          if (isObject(enc) && isObject(enc.headers)) walkHeaders(enc.headers, [...path, type, 'encoding', name, 'headers']);
        }
      }
    }
  };
  const walkParameterLike = (param: unknown, path: JsonPath) => {
    if (!isObject(param) || typeof param.$ref === 'string') return;
    if ('schema' in param) walkSchema(param.schema, [...path, 'schema']);
    walkContent(param.content, [...path, 'content']);
  };
  const walkHeaders = (headers: unknown, path: JsonPath) => {
    if (isObject(headers)) for (const [name, h] of Object.entries(headers)) walkParameterLike(h, [...path, name]);
  };
  const walkResponse = (response: unknown, path: JsonPath) => {
    if (!isObject(response) || typeof response.$ref === 'string') return;
    walkHeaders(response.headers, [...path, 'headers']);
    walkContent(response.content, [...path, 'content']);
  };
  const walkRequestBody = (body: unknown, path: JsonPath) => {
    if (isObject(body) && typeof body.$ref !== 'string') walkContent(body.content, [...path, 'content']);
  };
  const walkParameters = (params: unknown, path: JsonPath) => {
    if (Array.isArray(params)) for (const [i, p] of params.entries()) walkParameterLike(p, [...path, i]);
  };

  const walkPathItem = (item: unknown, path: JsonPath, kind: OperationEntry['kind'], route: string, parent?: string) => {
    const resolved = resolve<JsonObject>(item, path);
    if (!resolved || !isObject(resolved.node)) return;
    const pathItem = resolved.node;
    const itemPath = resolved.path;
    walkParameters(pathItem.parameters, [...itemPath, 'parameters']);
    for (const method of HTTP_METHODS) {
      const op = pathItem[method];
      if (!isObject(op)) continue;
      const opPath = [...itemPath, method];
      const label = operationLabel(kind, route, method, parent);
      operations.push({ path: opPath, node: op, method, kind, route, pathItem, pathItemPath: itemPath, label, ...(parent ? { parent } : {}) });
      walkParameters(op.parameters, [...opPath, 'parameters']);
      walkRequestBody(op.requestBody, [...opPath, 'requestBody']);
      if (isObject(op.responses)) for (const [code, r] of Object.entries(op.responses)) walkResponse(r, [...opPath, 'responses', code]);
      if (isObject(op.callbacks)) {
        for (const [name, cb] of Object.entries(op.callbacks)) {
          const callback = resolve<JsonObject>(cb, [...opPath, 'callbacks', name]);
          if (!callback || !isObject(callback.node)) continue;
          for (const [expression, cbItem] of Object.entries(callback.node)) {
            if (!expression.startsWith('x-')) walkPathItem(cbItem, [...callback.path, expression], 'callback', `${name} ${expression}`, label);
          }
        }
      }
    }
  };

  if (isObject(document.paths)) {
    for (const [route, item] of Object.entries(document.paths)) if (route.startsWith('/')) walkPathItem(item, ['paths', route], 'path', route);
  }
  if (isObject(document.webhooks)) {
    for (const [name, item] of Object.entries(document.webhooks)) walkPathItem(item, ['webhooks', name], 'webhook', name);
  }
  const components = isObject(document.components) ? document.components : {};
  if (isObject(components.schemas)) for (const [n, s] of Object.entries(components.schemas)) walkSchema(s, ['components', 'schemas', n]);
  if (isObject(components.parameters)) for (const [n, p] of Object.entries(components.parameters)) walkParameterLike(p, ['components', 'parameters', n]);
  if (isObject(components.headers)) walkHeaders(components.headers, ['components', 'headers']);
  if (isObject(components.responses)) for (const [n, r] of Object.entries(components.responses)) walkResponse(r, ['components', 'responses', n]);
  if (isObject(components.requestBodies)) for (const [n, b] of Object.entries(components.requestBodies)) walkRequestBody(b, ['components', 'requestBodies', n]);

  // x-lint-exceptions may sit on any node: one generic pass finds them.
  exceptions.push(...specialMembers(document).exceptions);

  let outgoing: Set<string> | undefined;
  const outgoingSchemas = () => {
    if (outgoing) return outgoing;
    outgoing = new Set<string>();
    const queue: SchemaEntry[] = [];
    const addContent = (content: unknown, path: JsonPath) => {
      if (!isObject(content)) return;
      for (const [type, media] of Object.entries(content))
        if (isObject(media) && 'schema' in media) queue.push({ node: media.schema, path: [...path, type, 'schema'] });
    };
    for (const op of operations) {
      if (op.kind === 'path') {
        if (isObject(op.node.responses)) {
          for (const [code, r] of Object.entries(op.node.responses)) {
            const response = resolve(r, [...op.path, 'responses', code]);
            if (response && isObject(response.node)) addContent(response.node.content, [...response.path, 'content']);
          }
        }
      } else {
        const body = resolve(op.node.requestBody, [...op.path, 'requestBody']);
        if (body && isObject(body.node)) addContent(body.node.content, [...body.path, 'content']);
      }
    }
    while (queue.length > 0) {
      const entry = queue.pop()!;
      const resolved = resolve(entry.node, entry.path);
      if (!resolved) continue;
      const key = pointerOf(resolved.path);
      if (outgoing.has(key)) continue;
      outgoing.add(key);
      const schema = resolved.node;
      if (!isObject(schema)) continue;
      for (const k of SCHEMA_SINGLE) if (isObject(schema[k])) queue.push({ node: schema[k], path: [...resolved.path, k] });
      for (const k of ['properties', 'patternProperties']) {
        if (isObject(schema[k])) for (const [n, c] of Object.entries(schema[k])) queue.push({ node: c, path: [...resolved.path, k, n] });
      }
      for (const k of SCHEMA_LISTS)
        if (Array.isArray(schema[k])) for (const [i, c] of (schema[k] as unknown[]).entries()) queue.push({ node: c, path: [...resolved.path, k, i] });
    }
    return outgoing;
  };

  return { document, operations, schemas, properties, exceptions, resolve, outgoingSchemas };
}

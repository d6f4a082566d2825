import { isObject, type JsonPath, type OpenApiIndex, type Resolved, type JsonObject } from '../../scripts/model/openapi-index.ts';

const tokensOfName = new Map<string, readonly string[]>();
const wordsOfPhrase = new Map<string, readonly string[]>();

/**
 * `cardLast4`, `card_last4` and `card-last4` all give ['card', 'last4']. Kept per name: large specs
 * repeat the same few thousand property names tens of thousands of times.
 */
export function nameTokens(name: string): readonly string[] {
  let tokens = tokensOfName.get(name);
  if (tokens === undefined) {
    tokens = name
      .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter(Boolean);
    tokensOfName.set(name, tokens);
  }
  return tokens;
}

/** Whether `phrase` (e.g. `stack_trace`) appears as consecutive tokens. */
export function hasPhrase(tokens: readonly string[], phrase: string): boolean {
  let words = wordsOfPhrase.get(phrase);
  if (words === undefined) {
    words = phrase.split('_');
    wordsOfPhrase.set(phrase, words);
  }
  for (let i = 0; i + words.length <= tokens.length; i++) {
    if (words.every((w, j) => tokens[i + j] === w)) return true;
  }
  return false;
}

const MAX_DEPTH = 16;

/** The JSON types a schema allows, looking through $ref and allOf; empty when it does not say. */
export function typesOf(index: OpenApiIndex, schema: unknown, path: JsonPath, depth = 0): Set<string> {
  const types = new Set<string>();
  const resolved = index.resolve(schema, path);
  if (!resolved || !isObject(resolved.node) || depth > MAX_DEPTH) return types;
  const node = resolved.node;
  if (typeof node.type === 'string') types.add(node.type);
  else if (Array.isArray(node.type)) for (const t of node.type) if (typeof t === 'string') types.add(t);
  if (node.nullable === true) types.add('null');
  if (Array.isArray(node.allOf)) {
    node.allOf.forEach((branch: unknown, i: number) => {
      for (const t of typesOf(index, branch, [...resolved.path, 'allOf', i], depth + 1)) types.add(t);
    });
  }
  if (types.size === 0) {
    const values = Array.isArray(node.enum) ? node.enum : 'const' in node ? [node.const] : [];
    for (const v of values)
      types.add(v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'number' ? (Number.isInteger(v) ? 'integer' : 'number') : typeof v);
    if (isObject(node.properties)) types.add('object');
    if ('items' in node) types.add('array');
  }
  return types;
}

export interface MergedObject {
  properties: Map<string, Resolved & { declared: JsonPath }>;
  required: Set<string>;
}

/** The properties and required names of an object schema, its allOf branches included. */
export function mergedObject(index: OpenApiIndex, schema: unknown, path: JsonPath): MergedObject {
  const merged: MergedObject = { properties: new Map(), required: new Set() };
  const visited = new Set<unknown>();
  const visit = (node: unknown, at: JsonPath, depth: number) => {
    const resolved = index.resolve(node, at);
    if (!resolved || !isObject(resolved.node) || visited.has(resolved.node) || depth > MAX_DEPTH) return;
    visited.add(resolved.node);
    const s = resolved.node;
    if (isObject(s.properties)) {
      for (const [name, child] of Object.entries(s.properties)) {
        if (merged.properties.has(name)) continue;
        const declared = [...resolved.path, 'properties', name];
        const target = index.resolve(child, declared) ?? { node: child, path: declared };
        merged.properties.set(name, { ...target, declared });
      }
    }
    if (Array.isArray(s.required)) for (const r of s.required) if (typeof r === 'string') merged.required.add(r);
    if (Array.isArray(s.allOf))
      s.allOf.forEach((b: unknown, i: number) => {
        visit(b, [...resolved.path, 'allOf', i], depth + 1);
      });
  };
  visit(schema, path, 0);
  return merged;
}

export function isJsonMediaType(type: string): boolean {
  const base = type.split(';')[0].trim().toLowerCase();
  return base === 'application/json' || base.endsWith('+json');
}

/** The schema of the first JSON media type of a content map. */
export function jsonSchemaOf(index: OpenApiIndex, content: unknown, path: JsonPath, accept: (type: string) => boolean = isJsonMediaType): Resolved | undefined {
  if (!isObject(content)) return undefined;
  for (const [type, media] of Object.entries(content)) {
    if (accept(type) && isObject(media) && 'schema' in media) {
      return index.resolve(media.schema, [...path, type, 'schema']);
    }
  }
  return undefined;
}

/** A string schema that holds a decimal: `format: decimal` or a pattern. */
export function isDecimalString(index: OpenApiIndex, schema: unknown, path: JsonPath): boolean {
  const resolved = index.resolve(schema, path);
  if (!resolved || !isObject(resolved.node)) return false;
  if (!typesOf(index, schema, path).has('string')) return false;
  return hasKeyword(index, resolved, (s) => s.format === 'decimal' || typeof s.pattern === 'string');
}

/** Whether the schema or one of its allOf branches satisfies `test`. */
export function hasKeyword(index: OpenApiIndex, resolved: Resolved, test: (s: JsonObject) => boolean, depth = 0): boolean {
  const s = resolved.node;
  if (!isObject(s) || depth > MAX_DEPTH) return false;
  if (test(s)) return true;
  if (!Array.isArray(s.allOf)) return false;
  return s.allOf.some((b: unknown, i: number) => {
    const r = index.resolve(b, [...resolved.path, 'allOf', i]);
    return r !== undefined && hasKeyword(index, r, test, depth + 1);
  });
}

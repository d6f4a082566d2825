import { indexOf, isObject, type JsonPath, type OpenApiIndex, type JsonObject, type Json } from '../model/openapi-index.ts';

/** One version of the document being compared (base or head), with its shared index and $ref resolver. */
export interface Doc {
  document: JsonObject;
  index: OpenApiIndex;
}

export function docOf(document: JsonObject): Doc {
  return { document, index: indexOf(document) };
}

export interface Located {
  node: Json;
  path: JsonPath;
  /** Set when the node was reached through a $ref: the component it names (for messages). */
  component?: string;
  /** Identity for caches, set on nodes the comparer builds itself (their path is borrowed). */
  key?: string;
}

/** Follows $refs; a broken one yields the $ref object itself so a change is still noticed. */
export function resolveAt(doc: Doc, node: unknown, path: JsonPath): Located {
  if (!isObject(node) || typeof node.$ref !== 'string') return { node, path };
  const resolved = doc.index.resolve(node, path);
  if (!resolved) return { node, path };
  const last = resolved.path[resolved.path.length - 1];
  return { node: resolved.node, path: resolved.path, component: typeof last === 'string' ? last : String(last) };
}

import { indexOf, isObject, pointerOf, type JsonPath, type OpenApiIndex } from '../../rules/lib/openapi-index.ts';

/** One version of the document being compared, with its $ref resolver. */
export interface Side {
  document: Record<string, any>;
  index: OpenApiIndex;
}

export function sideOf(document: Record<string, any>): Side {
  return { document, index: indexOf(document) };
}

export interface Located {
  node: any;
  path: JsonPath;
  /** Set when the node was reached through a $ref: the component it names (for messages and caching). */
  component?: string;
}

/** Follows $refs; a broken one yields the $ref object itself so a change is still noticed. */
export function resolveAt(side: Side, node: unknown, path: JsonPath): Located {
  if (!isObject(node) || typeof node.$ref !== 'string') return { node, path };
  const resolved = side.index.resolve(node, path);
  if (!resolved) return { node, path };
  const last = resolved.path[resolved.path.length - 1];
  return { node: resolved.node, path: resolved.path, component: typeof last === 'string' ? last : String(last) };
}

export { isObject, pointerOf, type JsonPath };

/**
 * JSON pointers (RFC 6901), encoded and decoded in one place for every command and rule. A pointer
 * names a location by own properties only: `#/components/schemas/constructor` does not reach
 * Object.prototype, and a malformed percent-encoding in a `$ref` fragment is refused, not thrown.
 */
export type JsonPath = Array<string | number>;

/** One reference token: `~` → `~0`, `/` → `~1`. */
export function pointerSegment(key: string | number): string {
  return String(key).replace(/~/g, '~0').replace(/\//g, '~1');
}

export function pointerOf(path: JsonPath): string {
  return path.map((s) => '/' + pointerSegment(s)).join('');
}

/** `/a/b~1c` or `#/a/b~1c` → `['a', 'b/c']`. */
export function pointerToPath(pointer: string): string[] {
  if (pointer === '' || pointer === '#' || pointer === '/') return [];
  return pointer
    .replace(/^#/, '')
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The fragment of a `$ref` (after `#`) as path segments; undefined when its percent-encoding is malformed. */
export function refFragmentToPath(fragment: string): string[] | undefined {
  try {
    return pointerToPath(decodeURIComponent(fragment));
  } catch {
    return undefined;
  }
}

export function hasOwn(node: unknown, key: string | number): boolean {
  return node !== null && typeof node === 'object' && Object.hasOwn(node, key);
}

/** The value at a path, following own properties only; undefined when any step is missing. */
export function valueAt(root: unknown, path: ReadonlyArray<string | number>): unknown {
  let node: unknown = root;
  for (const segment of path) {
    if (!hasOwn(node, segment)) return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}

/** A node's place as a chain up to the root, so that a walk spells out paths only where it finds something. */
interface Trail {
  parent: Trail | undefined;
  key: string | number;
}

function pathOf(trail: Trail | undefined): JsonPath {
  const path: JsonPath = [];
  for (let t = trail; t; t = t.parent) path.push(t.key);
  return path.reverse();
}

/** The members of a document that the toolchain looks for anywhere in it. */
export interface SpecialMembers {
  /** Every string `$ref`, with the path of the object that holds it, in document order. */
  refs: Array<{ path: JsonPath; ref: string }>;
  /** Every `x-lint-exceptions` value with its path (ending in the key); not those inside another one. */
  exceptions: Array<{ path: JsonPath; node: unknown }>;
}

const walked = new WeakMap<object, SpecialMembers>();

/**
 * One walk of a parsed document, kept per document: loading follows its $refs, the rules' index
 * reads its x-lint-exceptions, and a large spec has a million nodes and a few thousand of either.
 * Iterative, so deep documents cannot overflow the stack; a path is built only for what is found.
 */
export function specialMembers(root: unknown): SpecialMembers {
  if (root === null || typeof root !== 'object') return { refs: [], exceptions: [] };
  const known = walked.get(root);
  if (known) return known;
  const refs: SpecialMembers['refs'] = [];
  const exceptions: SpecialMembers['exceptions'] = [];
  const stack: Array<[object, Trail | undefined, boolean]> = [[root, undefined, false]];
  while (stack.length > 0) {
    const [node, trail, inException] = stack.pop()!;
    if (Array.isArray(node)) {
      for (const [i, child] of node.entries()) if (child !== null && typeof child === 'object') stack.push([child, { parent: trail, key: i }, inException]);
      continue;
    }
    for (const [key, child] of Object.entries(node)) {
      if (key === '$ref' && typeof child === 'string') {
        refs.push({ path: pathOf(trail), ref: child });
        continue;
      }
      const exception = key === 'x-lint-exceptions' && !inException;
      if (exception) exceptions.push({ path: [...pathOf(trail), key], node: child });
      if (child !== null && typeof child === 'object') stack.push([child, { parent: trail, key }, inException || exception]);
    }
  }
  const found = { refs: refs.reverse(), exceptions };
  walked.set(root, found);
  return found;
}

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

/**
 * Every member named `key` anywhere in `root` whose value `accept` takes, with its path (ending in
 * `key`), most recently visited first; members it does not take are walked into like any other.
 * Iterative, so deep documents cannot overflow the stack; a path is built only for what is found
 * (a large spec has a million nodes and a few thousand $refs).
 */
export function membersNamed(root: unknown, key: string, accept: (value: unknown) => boolean): Array<{ path: JsonPath; value: unknown }> {
  const found: Array<{ path: JsonPath; value: unknown }> = [];
  const pathOf = (trail: Trail | undefined): JsonPath => {
    const path: JsonPath = [];
    for (let t = trail; t; t = t.parent) path.push(t.key);
    return path.reverse();
  };
  if (root === null || typeof root !== 'object') return found;
  const stack: Array<[object, Trail | undefined]> = [[root, undefined]];
  while (stack.length > 0) {
    const [node, trail] = stack.pop()!;
    if (Array.isArray(node)) {
      for (const [i, child] of node.entries()) if (child !== null && typeof child === 'object') stack.push([child, { parent: trail, key: i }]);
      continue;
    }
    for (const [k, child] of Object.entries(node)) {
      if (k === key && accept(child)) found.push({ path: [...pathOf(trail), k], value: child });
      else if (child !== null && typeof child === 'object') stack.push([child, { parent: trail, key: k }]);
    }
  }
  return found;
}

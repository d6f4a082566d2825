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

/**
 * Reading the bundled spec at run time: the node a local `#/…` $ref names (own properties only,
 * percent- and ~-decoding as RFC 6901 and 3986 say), following chains of $refs.
 * Imports nothing: it is copied into generated packages with the rest of the runtime.
 */
type Json = Record<string, unknown>;

export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The keys a local `#/…` ref names, percent- and ~-decoded (RFC 3986, RFC 6901). */
export function refSegments(ref: string): string[] {
  return ref
    .slice(2)
    .split('/')
    .map((s) => decodeURIComponent(s).replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function followRef(spec: Json, node: unknown): unknown {
  let current = node;
  for (let hops = 0; isObject(current) && typeof current.$ref === 'string' && hops < 32; hops++) {
    const ref = current.$ref;
    if (!ref.startsWith('#/')) return undefined;
    current = refSegments(ref).reduce<unknown>((n, key) => (isObject(n) && Object.hasOwn(n, key) ? n[key] : undefined), spec);
  }
  return current;
}

/** The response an operation declares for `status`: the exact code, else its class (`4XX`), else `default`. */
export function declaredResponse(spec: Json, operation: Json | undefined, status: number): Json | undefined {
  const responses = followRef(spec, operation?.responses);
  if (!isObject(responses)) return undefined;
  const digit = String(status)[0];
  const key = [String(status), `${digit}XX`, `${digit}xx`, 'default'].find((k) => Object.hasOwn(responses, k));
  const response = key === undefined ? undefined : followRef(spec, responses[key]);
  return isObject(response) ? response : undefined;
}

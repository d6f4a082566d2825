/**
 * Reading the bundled spec at run time: the node a local `#/…` $ref names (own properties only,
 * percent- and ~-decoding as RFC 6901 and 3986 say), following chains of $refs.
 * Imports nothing: it is copied into generated packages with the rest of the runtime.
 */
type Json = Record<string, unknown>;
export declare const isObject: (v: unknown) => v is Json;
/** The keys a local `#/…` ref names, percent- and ~-decoded (RFC 3986, RFC 6901). */
export declare function refSegments(ref: string): string[];
export declare function followRef(spec: Json, node: unknown): unknown;
/** The response an operation declares for `status`: the exact code, else its class (`4XX`), else `default`. */
export declare function declaredResponse(spec: Json, operation: Json | undefined, status: number): Json | undefined;
export {};

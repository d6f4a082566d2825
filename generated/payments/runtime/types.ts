/** Types that turn openapi-typescript's `operations` into handler signatures. */

type JsonOf<C> = C extends { 'application/json': infer B }
  ? B
  : C extends { 'application/problem+json': infer P }
    ? P
    : C extends { 'application/merge-patch+json': infer M }
      ? M
      : C extends Record<string, infer X>
        ? X
        : never;

type BodyOfResponse<R> = R extends { content: infer C } ? JsonOf<C> : undefined;

type Digit = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
/** `4XX` as the numbers 400 to 499. */
type ClassStatus<D extends string> = `${D}${Digit}${Digit}` extends infer S ? (S extends `${infer N extends number}` ? N : never) : never;
type StatusOf<S> = S extends 'default' ? number : S extends `${infer D}XX` | `${infer D}xx` ? ClassStatus<D> : S;

/** Every declared status with its body (`4XX`, `5XX` and `default`: any status they cover): a handler can answer nothing else. */
export type ResponseOf<Op> = Op extends { responses: infer R }
  ? { [S in keyof R]: { status: StatusOf<S>; body: BodyOfResponse<R[S]>; headers?: Record<string, string> } }[keyof R]
  : never;

type Part<P, K extends string> = P extends Record<K, infer V> ? (V extends undefined | never ? Record<string, never> : NonNullable<V>) : Record<string, never>;

/** What a handler receives: typed path, query, headers and body. */
export interface RequestOf<Op> {
  params: Op extends { parameters: infer P } ? Part<P, 'path'> : Record<string, never>;
  query: Op extends { parameters: infer P } ? Part<P, 'query'> : Record<string, never>;
  headers: Op extends { parameters: infer P } ? Part<P, 'header'> : Record<string, never>;
  body: Op extends { requestBody?: infer B } ? (B extends { content: infer C } ? JsonOf<C> : undefined) : undefined;
}

export interface HandlerContext {
  operationId: string;
  /** True when the request's If-Match does not match `currentEtag` (answer 412); false without If-Match. */
  ifMatchFails(currentEtag: string): boolean;
  /** A strong ETag for a representation. */
  etagOf(body: unknown): string;
}

export type HandlersFor<Ops, Ids extends keyof Ops> = {
  [K in Ids]: (request: RequestOf<Ops[K]>, context: HandlerContext) => ResponseOf<Ops[K]> | Promise<ResponseOf<Ops[K]>>;
};

/** Types that turn openapi-typescript's operation types into handler signatures. */
import type { UploadedFile } from './body.js';

/** What a handler may answer with for a media type that is not JSON: text as a string, anything else as bytes or a stream. */
type Bytes = Buffer | Uint8Array | NodeJS.ReadableStream;

/** The declared `+json` media types of a content map (never when there is none). */
type JsonKeys<C> = Extract<keyof C, `${string}json`>;

/** The response body by its declared media types: the JSON one if any (`+json` too), else text, else bytes. */
type BodyOfContent<C> = C extends { 'application/json': infer B }
  ? B
  : C extends { 'application/problem+json': infer P }
    ? P
    : [JsonKeys<C>] extends [never]
      ? keyof C extends `text/${string}` | `${string}xml`
        ? string
        : Bytes
      : C[JsonKeys<C>];

type BodyOfResponse<R> = R extends { content: infer C } ? BodyOfContent<C> : undefined;

type Digit = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
/** `4XX` as the numbers 400 to 499. */
type ClassStatus<D extends string> = `${D}${Digit}${Digit}` extends infer S ? (S extends `${infer N extends number}` ? N : never) : never;
type StatusOf<S> = S extends 'default' ? number : S extends `${infer D}XX` | `${infer D}xx` ? ClassStatus<D> : S;

/** Every declared status with its body (`4XX`, `5XX` and `default`: any status they cover): a handler can answer nothing else. */
export type ResponseOf<Op> = Op extends { responses: infer R }
  ? { [S in keyof R]: { status: StatusOf<S>; body: BodyOfResponse<R[S]>; headers?: Record<string, string> } }[keyof R]
  : never;

/** One part of an operation's parameters (`query?: {…}` is optional when no parameter in it is required). */
type Part<P, K extends string> = K extends keyof P ? ([NonNullable<P[K]>] extends [never] ? Record<string, never> : NonNullable<P[K]>) : Record<string, never>;

/** A multipart body as the server hands it over: each file (a `Blob` in the client's types) an UploadedFile. */
type Uploaded<T> = T extends Blob ? UploadedFile : T extends Array<infer I> ? Array<Uploaded<I>> : T extends object ? { [K in keyof T]: Uploaded<T[K]> } : T;

/** The request body by its declared media type: JSON (or `+json`), form fields, multipart with files, text, or bytes. */
type BodyOfRequest<C> = C extends { 'application/json': infer B }
  ? B
  : C extends { 'multipart/form-data': infer M }
    ? Uploaded<M>
    : C extends { 'application/x-www-form-urlencoded': infer F }
      ? F
      : [JsonKeys<C>] extends [never]
        ? keyof C extends `text/${string}` | `${string}xml`
          ? string
          : Buffer
        : C[JsonKeys<C>];

/** What a handler receives: typed path, query, headers, cookies and body. */
export interface RequestOf<Op> {
  params: Op extends { parameters: infer P } ? Part<P, 'path'> : Record<string, never>;
  query: Op extends { parameters: infer P } ? Part<P, 'query'> : Record<string, never>;
  headers: Op extends { parameters: infer P } ? Part<P, 'header'> : Record<string, never>;
  cookies: Op extends { parameters: infer P } ? Part<P, 'cookie'> : Record<string, never>;
  body: Op extends { requestBody?: infer B } ? (B extends { content: infer C } ? BodyOfRequest<C> : undefined) : undefined;
}

export interface HandlerContext<Principal = unknown> {
  operationId: string;
  /** What the server's `authenticate` hook returned for the request's credentials (undefined without a hook). */
  principal: Principal | undefined;
  /** True when the request's If-Match does not match `currentEtag` (answer 412); false without If-Match. */
  ifMatchFails(currentEtag: string): boolean;
  /** A strong ETag for a representation. */
  etagOf(body: unknown): string;
}

export type HandlersFor<Ops, Ids extends keyof Ops, Principal = unknown> = {
  [K in Ids]: (request: RequestOf<Ops[K]>, context: HandlerContext<Principal>) => ResponseOf<Ops[K]> | Promise<ResponseOf<Ops[K]>>;
};

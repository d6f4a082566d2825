/**
 * Bodies other than JSON, for openapi-fetch (which sends JSON unless told otherwise): for each
 * operation whose spec declares another request media type, the client serialises the body as
 * that type (form fields honouring the spec's `encoding`, multipart with `Blob`/`File` parts, text,
 * bytes), and for a declared text or binary answer it reads text or a Blob. What the caller passes
 * explicitly (`bodySerializer`, `parseAs`, a Content-Type header) wins.
 * Hand-written and tested in this repository; `apis generate` copies it into each client package.
 */
import { aroundCalls, type CallInit } from './client.js';
import { bodyKind } from './media.js';

/** Kept here too for packages generated before 1.1.0, which import it from this module. */
export { literalSafePath } from './client.js';

export interface FieldEncoding {
  style?: string;
  explode?: boolean;
}

export interface MediaRoute {
  method: string;
  path: string;
  /** The request media type, when it is not JSON. */
  request?: string;
  /** Form and multipart fields' `encoding`. */
  encoding?: Record<string, FieldEncoding>;
  /** How to read a successful answer that is not JSON. */
  parseAs?: 'text' | 'blob';
}

type Init = CallInit & { bodySerializer?: unknown; parseAs?: unknown };

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Blob) && !(v instanceof Date) && !ArrayBuffer.isView(v);

const text = (v: unknown): string => (v instanceof Date ? v.toISOString() : String(v));

/** `application/x-www-form-urlencoded` as OpenAPI serialises form fields (style form, explode by default). */
export function formBody(body: unknown, encoding: Record<string, FieldEncoding> = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(isPlainObject(body) ? body : {})) {
    if (value === undefined) continue;
    const style = encoding[name]?.style ?? 'form';
    const explode = encoding[name]?.explode ?? style === 'form';
    if (Array.isArray(value)) {
      if (explode) for (const item of value) params.append(name, text(item));
      else params.append(name, value.map(text).join(style === 'spaceDelimited' ? ' ' : style === 'pipeDelimited' ? '|' : ','));
    } else if (isPlainObject(value)) {
      const entries = Object.entries(value).filter(([, v]) => v !== undefined);
      if (style === 'deepObject') for (const [k, v] of entries) params.append(`${name}[${k}]`, text(v));
      else if (explode) for (const [k, v] of entries) params.append(k, text(v));
      else params.append(name, entries.flatMap(([k, v]) => [k, text(v)]).join(','));
    } else params.append(name, text(value));
  }
  return params.toString();
}

/** `multipart/form-data`: Blobs and Files as file parts, objects as JSON parts, the rest as text. */
export function multipartBody(body: unknown): FormData {
  const form = new FormData();
  const append = (name: string, value: unknown) => {
    if (value === undefined) return;
    if (value instanceof Blob) form.append(name, value, value instanceof File ? value.name : name);
    else if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) form.append(name, new Blob([value as BlobPart]), name);
    else if (isPlainObject(value)) form.append(name, new Blob([JSON.stringify(value)], { type: 'application/json' }));
    else form.append(name, text(value));
  };
  for (const [name, value] of Object.entries(isPlainObject(body) ? body : {})) {
    if (Array.isArray(value)) for (const item of value) append(name, item);
    else append(name, value);
  }
  return form;
}

function withContentType(headers: unknown, mediaType: string): Headers {
  const merged = new Headers(headers as HeadersInit | undefined);
  if (!merged.has('Content-Type')) merged.set('Content-Type', mediaType);
  return merged;
}

function adjust(route: MediaRoute, init: Init): Init {
  const next: Init = { ...init };
  if (route.parseAs && next.parseAs === undefined) next.parseAs = route.parseAs;
  if (route.request && next.body !== undefined && next.bodySerializer === undefined) {
    const kind = bodyKind(route.request);
    if (kind === 'multipart')
      next.bodySerializer = multipartBody; // fetch writes the Content-Type with its boundary
    else {
      next.headers = withContentType(next.headers, route.request);
      next.bodySerializer =
        kind === 'form' ? (body: unknown) => formBody(body, route.encoding) : kind === 'text' ? (body: unknown) => text(body) : (body: unknown) => body;
    }
  }
  return next;
}

/** The openapi-fetch client with each route's media types applied; the client itself when every route is JSON. */
export function withMediaTypes<C extends object>(client: C, routes: MediaRoute[]): C {
  if (routes.length === 0) return client;
  const table = new Map(routes.map((r) => [`${r.method.toUpperCase()} ${r.path}`, r]));
  return aroundCalls(client, (method, path, init = {}, send) => {
    const route = table.get(`${method} ${path}`);
    return send(route ? adjust(route, init) : init);
  });
}

/**
 * What `apis mock --proxy` uses in place of Prism's forwarder, which calls node-fetch with no
 * timeout and reads any body whole: a silent upstream held the client until it gave up, and a
 * 300 MB answer took the mock to 1 GB. Here one deadline covers the whole exchange (headers and
 * body), and the body is read with a cap; either failure is a problem+json answer (504 or 502).
 * Prism still routes, validates the request and validates the answer against the spec.
 */
import { posix } from 'node:path';
import type { IHttpRequest, IHttpResponse } from '@stoplight/prism-http';

export interface ForwardLimits {
  timeoutMs: number;
  maxBodyBytes: number;
}

/** Prism's failures are Errors with an HTTP status; the engine turns them into problem+json. */
type Either = { _tag: 'Left'; left: Error } | { _tag: 'Right'; right: IHttpResponse };
type Forward = (
  input: { data: IHttpRequest },
  baseUrl: string,
  upstreamProxy?: unknown,
  resource?: { deprecated?: boolean },
) => (logger: unknown) => () => Promise<Either>;

/** Request headers that belong to one connection (RFC 9110, 7.6.1) or that fetch sets itself. */
const NOT_FORWARDED = new Set([
  'host',
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'upgrade',
  'te',
  'trailer',
  'content-length',
  'expect',
]);
/** Answer headers not passed on: hop-by-hop ones, and the encoding and length fetch has already undone. */
const NOT_RETURNED = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'content-encoding',
  'content-length',
]);

export function upstreamFailure(status: 502 | 504, title: string, detail: string): Error {
  return Object.assign(new Error(title), { status, detail });
}

export function forwarder(limits: ForwardLimits): Forward {
  return ({ data: input }, baseUrl, _upstreamProxy, resource) =>
    () =>
    async () => {
      const base = new URL(baseUrl);
      const url = new URL(base);
      url.pathname = posix.join(base.pathname || '/', input.url.path);
      url.search = searchOf(input.url.query).toString();
      const headers = new Headers();
      for (const [name, value] of Object.entries(input.headers ?? {})) {
        if (!NOT_FORWARDED.has(name.toLowerCase()) && value !== undefined) headers.set(name, String(value));
      }
      const method = input.method.toUpperCase();
      const body = input.body === undefined || input.body === null ? undefined : typeof input.body === 'string' ? input.body : JSON.stringify(input.body);
      const seconds = `${+(limits.timeoutMs / 1000).toFixed(3)} s`;
      const deadline = AbortSignal.timeout(limits.timeoutMs);
      try {
        const response = await fetch(url, {
          method,
          headers,
          body: method === 'GET' || method === 'HEAD' ? undefined : body,
          signal: deadline,
          redirect: 'manual',
        });
        const bytes = await readCapped(response, limits.maxBodyBytes);
        if (bytes === undefined) {
          return left(
            upstreamFailure(502, 'The upstream answer is too large', `the upstream's body is larger than the ${limits.maxBodyBytes / 1024 / 1024} MB limit`),
          );
        }
        const out: Record<string, string> = {};
        response.headers.forEach((value, name) => {
          if (!NOT_RETURNED.has(name)) out[name] = value;
        });
        if (resource?.deprecated && out.deprecation === undefined) out.deprecation = 'true';
        const text = new TextDecoder().decode(bytes);
        const isJson = /^application\/([\w.+-]*\+)?json\b/i.test(out['content-type'] ?? '');
        let parsed: unknown = text;
        if (isJson && response.status !== 204 && text !== '') {
          try {
            parsed = JSON.parse(text);
          } catch {
            return left(upstreamFailure(502, 'The upstream answer is not valid JSON', `the upstream said ${out['content-type']} but its body does not parse`));
          }
        }
        return { _tag: 'Right', right: { statusCode: response.status, headers: out, body: parsed } };
      } catch (error) {
        if (deadline.aborted)
          return left(upstreamFailure(504, 'The upstream did not answer in time', `no complete answer from ${base.origin} within ${seconds}`));
        const cause = (error as { cause?: { code?: string; message?: string } }).cause;
        return left(upstreamFailure(502, 'The upstream cannot be reached', `${base.origin}: ${cause?.code ?? cause?.message ?? (error as Error).message}`));
      }
    };
}

function left(error: Error): Either {
  return { _tag: 'Left', left: error };
}

function searchOf(query: IHttpRequest['url']['query']): URLSearchParams {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) {
    for (const item of Array.isArray(value) ? value : [value]) if (item !== undefined) search.append(name, String(item));
  }
  return search;
}

/** The body, or undefined as soon as it passes `max` bytes (the rest is never read). */
async function readCapped(response: Response, max: number): Promise<Uint8Array | undefined> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > max) {
    await response.body?.cancel();
    return undefined;
  }
  if (!response.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

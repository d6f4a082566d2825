/**
 * MSW 2 request handlers answering as `apis mock` does (mock.ts), for unit tests of web and React
 * Native apps with no mock server running. Loaded only when a domain's `./msw` is imported.
 */
import { http, type RequestHandler } from 'msw';
import { MockResponder } from './mock.js';

export interface MockHandlerOptions {
  /** Where the application sends this API's requests, e.g. https://api.acme-platform.com/payments. */
  baseUrl: string;
}

/** One handler for every request under `baseUrl`: each answered from the spec like `apis mock`. */
export function mockHandlers(document: Record<string, unknown>, options: MockHandlerOptions): RequestHandler[] {
  const responder = new MockResponder(document);
  const base = new URL(options.baseUrl);
  const prefix = base.pathname.replace(/\/+$/, '');
  return [
    http.all(`${base.origin}${prefix}/*`, async ({ request }) => {
      const url = new URL(request.url);
      const headers: Record<string, string> = {};
      request.headers.forEach((value, name) => {
        headers[name.toLowerCase()] = value;
      });
      // fetch sends Accept: */* when the caller sets none; the mock server sees that, so the responder does too.
      headers.accept ??= '*/*';
      const text = request.body === null ? undefined : await request.text();
      const answer = await responder.respond({
        method: request.method,
        path: url.pathname.slice(prefix.length) || '/',
        query: url.search.replace(/^\?/, ''),
        headers,
        body: text === '' ? undefined : text,
      });
      return new Response(answer.body ?? null, { status: answer.status, headers: answer.headers });
    }),
  ];
}

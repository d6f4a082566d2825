/**
 * Requests that exercise every choice `apis mock` makes, per operation of a spec (#18): as the
 * examples make them, each declared status and each named example by Prefer, without credentials,
 * with an invalid body or query, with an Accept nothing satisfies, an unknown path and method, a
 * body that is not JSON, and an Idempotency-Key replayed and reused with another body. The MSW
 * handlers must answer each exactly as the mock does.
 */
import { randomUUID } from 'node:crypto';
import { deref, exampleRequests } from './contract.ts';

type Json = Record<string, any>;

export interface ParityRequest {
  label: string;
  method: string;
  /** Path and query inside the domain. */
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export function parityRequests(doc: Json): ParityRequest[] {
  const out: ParityRequest[] = [];
  for (const request of exampleRequests(doc)) {
    const [method, template] = request.operation.split(' ');
    const op = doc.paths[template][method.toLowerCase()];
    const fresh = () => ({ ...request.headers, ...(request.headers['idempotency-key'] ? { 'idempotency-key': randomUUID() } : {}) });
    const base = { method: request.method, path: request.path, body: request.body };
    out.push({ ...base, label: `${request.operation}`, headers: fresh() });
    for (const status of request.statuses)
      out.push({ ...base, label: `${request.operation} Prefer: code=${status}`, headers: { ...fresh(), prefer: `code=${status}` } });
    const success = request.statuses.find((s) => s.startsWith('2'));
    const content = success ? deref(doc, op.responses[success]).content : undefined;
    for (const media of Object.values((content ?? {}) as Json)) {
      for (const name of Object.keys(media.examples ?? {}))
        out.push({ ...base, label: `${request.operation} Prefer: example=${name}`, headers: { ...fresh(), prefer: `example=${name}` } });
    }
    out.push({ ...base, label: `${request.operation} Prefer: example=missing`, headers: { ...fresh(), prefer: 'example=no-such-example' } });
    out.push({ ...base, label: `${request.operation} Prefer: code=418 (undeclared)`, headers: { ...fresh(), prefer: 'code=418' } });
    out.push({ ...base, label: `${request.operation} Prefer: code=abc`, headers: { ...fresh(), prefer: 'code=abc' } });
    const { authorization: _, ...anonymous }: Record<string, string> = fresh();
    out.push({ ...base, label: `${request.operation} without credentials`, headers: anonymous });
    out.push({ ...base, label: `${request.operation} Accept: text/html`, headers: { ...fresh(), accept: 'text/html' } });
    if (request.body !== undefined) {
      out.push({ ...base, label: `${request.operation} invalid body`, headers: fresh(), body: JSON.stringify({ unexpected: 1 }) });
      out.push({ ...base, label: `${request.operation} body of the wrong type`, headers: fresh(), body: '[1, "two"]' });
      out.push({ ...base, label: `${request.operation} body not JSON`, headers: fresh(), body: '{"amount": ' });
      out.push({ ...base, label: `${request.operation} wrong Content-Type`, headers: { ...fresh(), 'content-type': 'text/plain' }, body: 'hello' });
    } else if (request.method !== 'GET' && request.method !== 'HEAD') {
      out.push({
        ...base,
        label: `${request.operation} a body it does not take`,
        headers: { ...fresh(), 'content-type': 'application/json' },
        body: '{"other":true}',
      });
    }
    const limit = [...(op.parameters ?? [])].map((p: Json) => deref(doc, p)).find((p: Json) => p.in === 'query' && p.schema?.type === 'integer');
    if (limit) {
      const join = request.path.includes('?') ? '&' : '?';
      out.push({ ...base, label: `${request.operation} ${limit.name}=abc`, path: `${request.path}${join}${limit.name}=abc`, headers: fresh() });
      out.push({ ...base, label: `${request.operation} ${limit.name}=100000`, path: `${request.path}${join}${limit.name}=100000`, headers: fresh() });
    }
    if (request.headers['idempotency-key']) {
      const headers = fresh();
      out.push({ ...base, label: `${request.operation} Idempotency-Key, first`, headers });
      out.push({ ...base, label: `${request.operation} Idempotency-Key, replayed`, headers });
      out.push({ ...base, label: `${request.operation} Idempotency-Key, another body`, headers, body: JSON.stringify({ other: true }) });
    }
  }
  out.push({ label: 'unknown path', method: 'GET', path: '/v1/no-such-thing', headers: { authorization: 'Bearer test-token' } });
  const first = Object.keys(doc.paths)[0];
  out.push({
    label: `TRACE ${first} (no such method)`,
    method: 'PATCH',
    path: first.replace(/\{[^}]+\}/g, 'x1'),
    headers: { authorization: 'Bearer test-token' },
  });
  return out;
}

/** What both must agree on: status, media type, body and every header but the transport's own (CORS, date, length). */
export async function comparable(response: Response): Promise<{ status: number; headers: Record<string, string>; body: string }> {
  const headers: Record<string, string> = {};
  const transport = /^(access-control-|date$|connection$|keep-alive$|content-length$|transfer-encoding$|vary$)/;
  response.headers.forEach((value, name) => {
    if (!transport.test(name)) headers[name] = value;
  });
  return { status: response.status, headers, body: await response.text() };
}

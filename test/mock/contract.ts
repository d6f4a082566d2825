import { randomUUID } from 'node:crypto';
import { Ajv2020 } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
import { pointerOf, pointerToPath } from '../../scripts/model/pointer.ts';

// ajv-formats is CommonJS: its default export arrives wrapped under ESM.
const addFormats = ((formats as unknown as { default?: typeof formats }).default ?? formats) as unknown as (ajv: Ajv2020) => void;

type Json = Record<string, any>;
const SPEC_ID = 'https://spec.invalid/openapi.json';

export interface ExampleRequest {
  operation: string;
  method: string;
  /** Path inside the domain, parameters filled in from the examples. */
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** Declared response statuses. */
  statuses: string[];
}

export function deref(doc: Json, node: Json): Json {
  let current = node;
  for (let i = 0; current?.$ref && i < 20; i++) current = pointerToPath(current.$ref).reduce((n: Json, k: string) => n[k], doc);
  return current;
}

function exampleOf(doc: Json, param: Json): unknown {
  const schema = deref(doc, param.schema ?? {});
  const candidates = [
    param.example,
    param.examples && Object.values(param.examples as Json)[0]?.value,
    schema.examples?.[0],
    schema.example,
    schema.enum?.[0],
    schema.default,
  ];
  const found = candidates.find((c) => c !== undefined);
  if (found !== undefined) return found;
  if (schema.format === 'uuid') return randomUUID();
  return schema.type === 'integer' || schema.type === 'number' ? (schema.minimum ?? 1) : 'x';
}

/** One valid request per operation, built from the spec's own examples (as a client team would). */
export function exampleRequests(doc: Json): ExampleRequest[] {
  const requests: ExampleRequest[] = [];
  for (const [template, item] of Object.entries(doc.paths as Json)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch']) {
      const op = item[method];
      if (!op) continue;
      const params = [...(item.parameters ?? []), ...(op.parameters ?? [])].map((p: Json) => deref(doc, p));
      let path = template;
      const query = new URLSearchParams();
      const headers: Record<string, string> = { authorization: 'Bearer test-token', accept: 'application/json, application/problem+json' };
      for (const p of params) {
        const value = exampleOf(doc, p);
        if (p.in === 'path') path = path.replace(`{${p.name}}`, encodeURIComponent(String(value)));
        else if (p.in === 'query' && p.required) query.set(p.name, String(value));
        else if (p.in === 'header' && p.required) headers[p.name.toLowerCase()] = p.name.toLowerCase() === 'idempotency-key' ? randomUUID() : String(value);
      }
      let body: string | undefined;
      const content = op.requestBody ? deref(doc, op.requestBody).content : undefined;
      if (content) {
        const [mediaType, media] = Object.entries(content as Json)[0];
        const example = media.example ?? (media.examples ? deref(doc, Object.values(media.examples as Json)[0]).value : undefined);
        headers['content-type'] = mediaType;
        body = JSON.stringify(example);
      }
      const search = query.toString();
      requests.push({
        operation: `${method.toUpperCase()} ${template}`,
        method: method.toUpperCase(),
        path: search ? `${path}?${search}` : path,
        headers,
        body,
        statuses: Object.keys(op.responses),
      });
    }
  }
  return requests;
}

/** Validates a response against the spec: status declared, body against the schema of its media type. */
export function responseValidator(doc: Json): (operation: string, status: number, contentType: string | null, body: string) => string[] {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ ...doc, $id: SPEC_ID });
  return (operation, status, contentType, body) => {
    const [method, template] = operation.split(' ');
    const op = doc.paths[template][method.toLowerCase()];
    const declared = op.responses[String(status)] ?? op.responses[`${String(status)[0]}XX`] ?? op.responses.default;
    if (!declared) return [`status ${status} is not declared`];
    const response = deref(doc, declared);
    if (!response.content) return body === '' ? [] : [`status ${status} declares no body, got ${body.slice(0, 80)}`];
    const mediaType = (contentType ?? '').split(';')[0].trim();
    const media = response.content[mediaType];
    if (!media) return [`content-type ${mediaType} is not declared for ${status} (declared: ${Object.keys(response.content).join(', ')})`];
    const responsePath = declared.$ref ? pointerToPath(declared.$ref) : ['paths', template, method.toLowerCase(), 'responses', String(status)];
    const schemaRef = `${SPEC_ID}#${pointerOf([...responsePath, 'content', mediaType, 'schema'])}`;
    const validate = ajv.getSchema(schemaRef) ?? ajv.compile({ $ref: schemaRef });
    return validate(JSON.parse(body)) ? [] : (validate.errors ?? []).map((e: { instancePath: string; message?: string }) => `${e.instancePath} ${e.message}`);
  };
}

import { houseFunction } from '../lib/define.ts';
import { requestBodyOf, responsesOf } from '../../scripts/model/http.ts';
import { isObject } from '../../scripts/model/openapi-index.ts';
import { isJsonMediaType } from '../lib/schema.ts';

/** PUT replaces the resource with what GET returns, so both use one schema. */
export default houseFunction<null>(null, (index) => {
  const out = [];
  for (const op of index.operations) {
    if (op.method !== 'put') continue;
    if (!isObject(op.pathItem.get)) {
      out.push({ path: op.path, message: `${op.label} has no GET on the same path: PUT replaces a resource that GET must be able to read` });
      continue;
    }
    const get = index.operations.find((o) => o.node === op.pathItem.get)!;
    const ok = responsesOf(index, get).find((r) => r.code === '200');
    const body = requestBodyOf(index, op);
    const putRef = body ? jsonSchemaRef(body.node.content) : undefined;
    const getRef = ok ? jsonSchemaRef(ok.node.content) : undefined;
    if (putRef === undefined || putRef !== getRef) {
      out.push({
        path: body ? [...body.path, 'content'] : op.path,
        message: `${op.label}: the request body schema must be the same $ref as the 200 response of GET ${op.route} (${getRef ?? 'none'}), so what is PUT is what is read back`,
      });
    }
  }
  return out;
});

function jsonSchemaRef(content: unknown): string | undefined {
  if (!isObject(content)) return undefined;
  for (const [type, media] of Object.entries(content)) {
    if (isJsonMediaType(type) && isObject(media) && isObject(media.schema) && typeof media.schema.$ref === 'string') return media.schema.$ref;
  }
  return undefined;
}

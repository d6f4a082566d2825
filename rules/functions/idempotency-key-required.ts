import { houseFunction } from '../lib/define.ts';
import { findParameter, parametersOf, requestBodyOf } from '../../scripts/model/http.ts';
import { isObject } from '../../scripts/model/openapi-index.ts';
import { jsonSchemaOf, mergedObject, typesOf } from '../lib/schema.ts';

/** A retried POST must not charge twice: it takes an Idempotency-Key, unless it is naturally idempotent. */
export default houseFunction<null>(null, (index) => {
  const out = [];
  for (const op of index.operations) {
    if (op.kind !== 'path' || op.method !== 'post') continue;
    const params = parametersOf(index, op);
    const naturalKey = op.node['x-idempotency-natural-key'];
    if (naturalKey !== undefined) {
      const body = requestBodyOf(index, op);
      const schema = body ? jsonSchemaOf(index, body.node.content, [...body.path, 'content']) : undefined;
      const required = schema ? mergedObject(index, schema.node, schema.path).required : new Set<string>();
      const ok = typeof naturalKey === 'string' && (required.has(naturalKey) || findParameter(params, 'path', naturalKey) !== undefined);
      if (!ok) {
        out.push({
          path: [...op.path, 'x-idempotency-natural-key'],
          message: `${op.label}: x-idempotency-natural-key must name a required property of the request body or a path parameter; ${JSON.stringify(naturalKey)} is neither`,
        });
      }
      continue;
    }
    const key = findParameter(params, 'header', 'Idempotency-Key');
    if (!key) {
      out.push({
        path: op.path,
        message: `${op.label} has no Idempotency-Key header: a retried request could be executed twice; declare a required Idempotency-Key header (or x-idempotency-natural-key when the operation is naturally idempotent)`,
      });
      continue;
    }
    if (key.node.required !== true) out.push({ path: key.path, message: `${op.label}: the Idempotency-Key header must be required: true` });
    const schemaTypes = isObject(key.node.schema) ? typesOf(index, key.node.schema, [...key.path, 'schema']) : new Set<string>();
    if (!schemaTypes.has('string')) out.push({ path: key.path, message: `${op.label}: the Idempotency-Key header must have a string schema` });
  }
  return out;
});

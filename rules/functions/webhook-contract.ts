import { houseFunction } from '../lib/define.ts';
import { findParameter, parametersOf, requestBodyOf } from '../../scripts/model/http.ts';
import { isObject, type JsonPath } from '../../scripts/model/openapi-index.ts';
import { hasKeyword, jsonSchemaOf, mergedObject, typesOf } from '../lib/schema.ts';

const DELIVERY = ['at-least-once', 'at-most-once'];

/** A webhook is a contract too: identifiable, typed, timestamped, signed, with its delivery guarantees written down. */
export default houseFunction<{ signatureHeader: string }>(
  { type: 'object', properties: { signatureHeader: { type: 'string', minLength: 1 } }, required: ['signatureHeader'], additionalProperties: false },
  (index, { signatureHeader }) => {
    const out: Array<{ path: JsonPath; message: string }> = [];
    for (const op of index.operations) {
      if (op.kind === 'path') continue;
      const body = requestBodyOf(index, op);
      const schema = body ? jsonSchemaOf(index, body.node.content, [...body.path, 'content']) : undefined;
      if (!schema) {
        out.push({
          path: body ? [...body.path, 'content'] : op.path,
          message: `${op.label} has no JSON request body: a webhook carries event_id, event_type and occurred_at`,
        });
      } else {
        const merged = mergedObject(index, schema.node, schema.path);
        for (const field of ['event_id', 'event_type', 'occurred_at']) {
          const prop = merged.properties.get(field);
          const stringTyped = prop !== undefined && typesOf(index, prop.node, prop.path).has('string');
          const dated = field !== 'occurred_at' || (prop !== undefined && hasKeyword(index, prop, (s) => s.format === 'date-time'));
          if (!merged.required.has(field) || !stringTyped || !dated) {
            out.push({
              path: schema.path,
              message: `${op.label}: the body must require ${field} (${field === 'occurred_at' ? 'string, format date-time' : 'string'})`,
            });
          }
        }
      }
      const signature = findParameter(parametersOf(index, op), 'header', signatureHeader);
      if (signature?.node.required !== true) {
        out.push({ path: op.path, message: `${op.label} must declare the required ${signatureHeader} header so receivers can verify the sender` });
      }
      const delivery = op.node['x-delivery'] ?? op.pathItem['x-delivery'];
      if (!DELIVERY.includes(delivery)) {
        out.push({ path: op.path, message: `${op.label} must say its delivery guarantee in x-delivery: at-least-once or at-most-once` });
      }
      const retry = op.node['x-retry-policy'] ?? op.pathItem['x-retry-policy'];
      if (retry === undefined || retry === null || retry === '') {
        out.push({ path: op.path, message: `${op.label} must document how failed deliveries are retried in x-retry-policy` });
      }
      const responses = isObject(op.node.responses) ? Object.keys(op.node.responses) : [];
      if (!responses.some((code) => /^2(\d\d|XX)$/i.test(code))) {
        out.push({
          path: isObject(op.node.responses) ? [...op.path, 'responses'] : op.path,
          message: `${op.label} must declare the 2xx response that acknowledges delivery`,
        });
      }
    }
    return out;
  },
);

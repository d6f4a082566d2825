import { houseFunction } from '../lib/define.ts';
import { requestBodyOf } from '../../scripts/model/http.ts';
import { isObject } from '../../scripts/model/openapi-index.ts';
import { typesOf } from '../lib/schema.ts';

const MERGE_PATCH = 'application/merge-patch+json';
const JSON_PATCH = 'application/json-patch+json';

/** PATCH has exactly two well-defined meanings; anything else is an ad-hoc partial update. */
export default houseFunction<null>(null, (index) => {
  const out = [];
  for (const op of index.operations) {
    if (op.method !== 'patch') continue;
    const body = requestBodyOf(index, op);
    if (!body || !isObject(body.node.content)) continue;
    for (const [type, media] of Object.entries(body.node.content)) {
      const base = type.split(';')[0].trim().toLowerCase();
      const path = [...body.path, 'content', type];
      if (base !== MERGE_PATCH && base !== JSON_PATCH) {
        out.push({
          path,
          message: `${op.label} accepts ${type}: a PATCH body must be ${MERGE_PATCH} (RFC 7396) or ${JSON_PATCH} (RFC 6902); for any other change use a POST action`,
        });
      } else if (base === JSON_PATCH && isObject(media) && 'schema' in media && !typesOf(index, media.schema, [...path, 'schema']).has('array')) {
        out.push({ path: [...path, 'schema'], message: `${op.label}: a ${JSON_PATCH} body is an array of operations; its schema must be type: array` });
      }
    }
  }
  return out;
});

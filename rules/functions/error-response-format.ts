import { houseFunction } from '../lib/define.ts';
import { responsesOf } from '../../scripts/model/http.ts';
import { isObject } from '../../scripts/model/openapi-index.ts';
import { mergedObject } from '../lib/schema.ts';

const PROBLEM = 'application/problem+json';

/** One error format everywhere (RFC 9457). A shared response is reported once, where it is defined. */
export default houseFunction<null>(null, (index) => {
  const out = [];
  for (const op of index.operations) {
    for (const r of responsesOf(index, op)) {
      if (!/^[45](\d\d|XX)$/i.test(r.code) && r.code !== 'default') continue;
      const content = isObject(r.node.content) ? r.node.content : {};
      const key = Object.keys(content).find((k) => k.split(';')[0].trim().toLowerCase() === PROBLEM);
      if (!key) {
        out.push({ path: r.path, message: `an error response must have ${PROBLEM} content (RFC 9457), so clients need one error handler` });
        continue;
      }
      const media = content[key];
      const props = isObject(media) && 'schema' in media ? mergedObject(index, media.schema, [...r.path, 'content', key, 'schema']).properties : new Map();
      const missing = ['type', 'title', 'status'].filter((p) => !props.has(p));
      if (missing.length > 0) {
        out.push({ path: [...r.path, 'content', key], message: `the ${PROBLEM} schema lacks ${missing.join(', ')}` });
      }
    }
  }
  return out;
});

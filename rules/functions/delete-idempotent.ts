import { houseFunction } from '../lib/define.ts';
import { isObject } from '../../scripts/model/openapi-index.ts';

const SUCCESS = ['200', '202', '204'];

/** Deleting twice is still a success, and a DELETE carries no body that proxies may drop. */
export default houseFunction<null>(null, (index) => {
  const out = [];
  for (const op of index.operations) {
    if (op.method !== 'delete') continue;
    if (op.node.requestBody !== undefined) {
      out.push({
        path: [...op.path, 'requestBody'],
        message: `${op.label} has a request body: DELETE must not carry one (identify what to delete by the path)`,
      });
    }
    if (!isObject(op.node.responses)) continue;
    for (const code of Object.keys(op.node.responses)) {
      if (/^2/.test(code) && !SUCCESS.includes(code)) {
        out.push({
          path: [...op.path, 'responses', code],
          message: `${op.label} answers ${code}: a DELETE succeeds with 200, 202 or 204 only, the same on a repeat`,
        });
      }
    }
  }
  return out;
});

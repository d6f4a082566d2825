import { houseFunction } from '../lib/define.ts';
import { findHeader, findParameter, isItemPath, parametersOf, responsesOf } from '../../scripts/model/http.ts';
import { isObject } from '../../scripts/model/openapi-index.ts';

/** Two clients changing one resource: the second must learn it changed (If-Match, 412) instead of overwriting. */
export default houseFunction<null>(null, (index) => {
  const out = [];
  const checkedGets = new Set<unknown>();
  for (const op of index.operations) {
    if (op.kind !== 'path' || !['put', 'patch', 'delete'].includes(op.method) || !isItemPath(op.route)) continue;
    if (!findParameter(parametersOf(index, op), 'header', 'If-Match')) {
      out.push({ path: op.path, message: `${op.label} does not accept an If-Match header: concurrent changes would silently overwrite each other` });
    }
    if (!isObject(op.node.responses) || !('412' in op.node.responses)) {
      out.push({
        path: isObject(op.node.responses) ? [...op.path, 'responses'] : op.path,
        message: `${op.label} does not declare 412 for an If-Match that no longer matches`,
      });
    }
    const getNode = op.pathItem.get;
    if (!isObject(getNode) || checkedGets.has(getNode)) continue;
    checkedGets.add(getNode);
    const get = index.operations.find((o) => o.node === getNode)!;
    const ok = responsesOf(index, get).find((r) => r.code === '200');
    if (ok && findHeader(ok.node, 'ETag') === undefined) {
      out.push({ path: ok.path, message: `GET ${op.route} must declare an ETag header on its 200 response so clients can send it back in If-Match` });
    }
  }
  return out;
});

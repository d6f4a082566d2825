import { houseFunction } from '../lib/define.ts';
import { isObject } from '../../scripts/model/openapi-index.ts';

/** Every endpoint is rate-limited in practice; clients must be told and handle it. */
export default houseFunction<null>(null, (index) =>
  index.operations
    .filter((op) => op.kind === 'path' && !(isObject(op.node.responses) && '429' in op.node.responses))
    .map((op) => ({ path: isObject(op.node.responses) ? [...op.path, 'responses'] : op.path, message: `${op.label} does not declare 429 Too Many Requests` })),
);

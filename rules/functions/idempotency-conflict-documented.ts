import { houseFunction } from '../lib/define.ts';
import { findParameter, parametersOf } from '../../scripts/model/http.ts';
import { isObject } from '../../scripts/model/openapi-index.ts';

/** Reusing a key with another body is refused with 409, and clients must know it. */
export default houseFunction<null>(null, (index) =>
  index.operations
    .filter((op) => findParameter(parametersOf(index, op), 'header', 'Idempotency-Key') && !(isObject(op.node.responses) && '409' in op.node.responses))
    .map((op) => ({
      path: isObject(op.node.responses) ? [...op.path, 'responses'] : op.path,
      message: `${op.label} takes an Idempotency-Key but declares no 409 response for a key reused with a different body`,
    })),
);

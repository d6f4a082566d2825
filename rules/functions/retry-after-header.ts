import { houseFunction } from '../lib/define.ts';
import { findHeader, responsesOf } from '../../scripts/model/http.ts';

/** Without Retry-After every client guesses, and they all come back at once. */
export default houseFunction<null>(null, (index) =>
  index.operations.flatMap((op) =>
    responsesOf(index, op)
      .filter((r) => (r.code === '429' || r.code === '503') && findHeader(r.node, 'Retry-After') === undefined)
      .map((r) => ({ path: r.path, message: `response ${r.code} must declare a Retry-After header telling clients when to retry` })),
  ),
);

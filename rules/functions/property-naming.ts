import { houseFunction } from '../lib/define.ts';

const SNAKE_CASE = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;

/** One naming convention across every domain, so clients never guess. */
export default houseFunction<null>(null, (index) =>
  index.properties.filter((prop) => !SNAKE_CASE.test(prop.name)).map((prop) => ({ path: prop.path, message: `property ${prop.name} is not snake_case` })),
);

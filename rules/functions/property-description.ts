import { houseFunction } from '../lib/define.ts';
import { isObject } from '../../scripts/model/openapi-index.ts';

/** A field nobody explained is a field everybody interprets differently. */
export default houseFunction<null>(null, (index) =>
  index.properties
    .filter((prop) => {
      const described = (n: unknown) => isObject(n) && typeof n.description === 'string' && n.description.trim() !== '';
      if (described(prop.node)) return false;
      const target = index.resolve(prop.node, prop.path);
      return !(target && described(target.node));
    })
    .map((prop) => ({ path: prop.path, message: `property ${prop.name} has no description` })),
);

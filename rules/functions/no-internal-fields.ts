import { houseFunction, stringList } from '../lib/define.ts';
import { isObject, pointerOf } from '../../scripts/model/openapi-index.ts';
import { hasPhrase, nameTokens } from '../lib/schema.ts';

interface Options {
  internalTokens: string[];
  secretTokens: string[];
}

/** A contract exposes the business, not the machinery behind it, and never a readable secret. */
export default houseFunction<Options>(
  {
    type: 'object',
    properties: { internalTokens: stringList, secretTokens: stringList },
    required: ['internalTokens', 'secretTokens'],
    additionalProperties: false,
  },
  (index, { internalTokens, secretTokens }) => {
    const out = [];
    let outgoing: Set<string> | undefined;
    // Per name, not per property: large specs repeat the same names tens of thousands of times.
    const matches = new Map<string, { internal: string | undefined; secret: string | undefined }>();
    for (const prop of index.properties) {
      let match = matches.get(prop.name);
      if (match === undefined) {
        const tokens = nameTokens(prop.name);
        match = { internal: internalTokens.find((t) => hasPhrase(tokens, t)), secret: secretTokens.find((t) => hasPhrase(tokens, t)) };
        matches.set(prop.name, match);
      }
      const { internal, secret } = match;
      if (internal) {
        out.push({
          path: prop.path,
          message: `property ${prop.name} exposes an internal or technical detail ("${internal}"): keep infrastructure out of the contract`,
        });
        continue;
      }
      if (!secret) continue;
      outgoing ??= index.outgoingSchemas();
      if (!outgoing.has(pointerOf(prop.owner.path))) continue;
      const target = index.resolve(prop.node, prop.path);
      if (target && isObject(target.node) && target.node.writeOnly === true) continue;
      out.push({
        path: prop.path,
        message: `property ${prop.name} can appear in a response with a ${secret}: mark it writeOnly: true or remove it from what is sent`,
      });
    }
    return out;
  },
);

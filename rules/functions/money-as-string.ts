import { houseFunction, stringList } from '../lib/define.ts';
import { isObject, type JsonPath, type OpenApiIndex } from '../../scripts/model/openapi-index.ts';
import { hasKeyword, mergedObject, nameTokens, typesOf } from '../lib/schema.ts';

interface Options {
  moneyTokens: string[];
  countTokens: string[];
}

/** Money is a decimal string: a number type rounds or loses cents. */
export default houseFunction<Options>(
  { type: 'object', properties: { moneyTokens: stringList, countTokens: stringList }, required: ['moneyTokens', 'countTokens'], additionalProperties: false },
  (index, options) => {
    const out: Array<{ path: JsonPath; message: string }> = [];
    for (const prop of index.properties) {
      if (!isMoneyProperty(index, prop.name, prop.owner.node, prop.owner.path, options)) continue;
      checkMoney(index, prop.name, prop.node, prop.path, out, 0);
    }
    return out;
  },
);

export function isMoneyName(name: string, { moneyTokens, countTokens }: Options): boolean {
  const tokens = nameTokens(name);
  return tokens.some((t) => moneyTokens.includes(t)) && !tokens.some((t) => countTokens.includes(t));
}

function isMoneyProperty(index: OpenApiIndex, name: string, owner: unknown, ownerPath: JsonPath, options: Options): boolean {
  if (isMoneyName(name, options)) return true;
  return name === 'value' && mergedObject(index, owner, ownerPath).properties.has('currency');
}

function checkMoney(index: OpenApiIndex, name: string, schema: unknown, path: JsonPath, out: Array<{ path: JsonPath; message: string }>, depth: number): void {
  const resolved = index.resolve(schema, path);
  if (!resolved || depth > 4) return;
  const types = typesOf(index, schema, path);
  const node = resolved.node;
  if (types.has('boolean') && !types.has('string')) return; // a flag such as tips_enabled is not an amount
  if (types.has('object') || (isObject(node) && isObject(node.properties))) {
    // An object holding money (amount: $ref Money) is checked through its value/amount member.
    const members = mergedObject(index, node, resolved.path).properties;
    const memberName = members.has('value') ? 'value' : members.has('amount') ? 'amount' : undefined;
    if (!memberName) {
      out.push({ path, message: `${name} holds money as an object without a value or amount member: use {value: decimal string, currency: ISO 4217}` });
    } else {
      // Named after the member, so a shared Money schema is reported once whatever uses it.
      const member = members.get(memberName)!;
      checkMoney(index, memberName, member.node, member.declared, out, depth + 1);
    }
    return;
  }
  if (types.has('array')) {
    if (isObject(node) && 'items' in node) checkMoney(index, name, node.items, [...resolved.path, 'items'], out, depth + 1);
    return;
  }
  if (types.has('number') || types.has('integer')) {
    out.push({
      path,
      message: `${name} is money typed as ${types.has('integer') ? 'integer' : 'number'}: use type string with a decimal pattern (e.g. "0.20") or format: decimal, so no cent is rounded away`,
    });
    return;
  }
  if (!types.has('string')) {
    out.push({ path, message: `${name} is money but its type is not declared: use type string with a decimal pattern or format: decimal` });
    return;
  }
  if (isObject(node) && (Array.isArray(node.enum) || (typeof node.format === 'string' && node.format !== 'decimal'))) return; // a code or a date, not an amount
  if (!hasKeyword(index, resolved, (s) => s.format === 'decimal' || typeof s.pattern === 'string')) {
    out.push({ path, message: `${name} is a money string without a decimal pattern or format: decimal: say which strings are valid amounts` });
  }
}

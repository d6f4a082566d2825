import { houseFunction } from '../lib/define.ts';
import { isObject, type JsonPath, type OpenApiIndex } from '../../scripts/model/openapi-index.ts';
import { hasKeyword, isDecimalString, mergedObject, typesOf } from '../lib/schema.ts';

/** An amount without its currency is ambiguous: 100 of what? */
export default houseFunction<null>(null, (index) => {
  const out: Array<{ path: JsonPath; message: string }> = [];
  for (const entry of index.schemas) {
    if (!isObject(entry.node) || !isObject(entry.node.properties)) continue;
    const own = entry.node.properties;
    const memberName = 'value' in own ? 'value' : 'amount' in own ? 'amount' : undefined;
    if (!memberName) continue;
    const memberPath = [...entry.path, 'properties', memberName];
    if (!holdsMoneyValue(index, memberName, own[memberName], memberPath)) continue;
    const merged = mergedObject(index, entry.node, entry.path);
    const currency = merged.properties.get('currency');
    if (!currency) {
      out.push({
        path: memberPath,
        message: `the object holding money in ${memberName} has no currency property: add a required currency (ISO 4217, pattern ^[A-Z]{3}$)`,
      });
      continue;
    }
    if (!merged.required.has('currency')) {
      out.push({ path: currency.declared, message: 'currency must be required next to a money value' });
    }
    if (!isIso4217(index, currency.node, currency.path)) {
      out.push({ path: currency.declared, message: 'currency must be constrained to ISO 4217 codes: pattern ^[A-Z]{3}$ or an enum of three-letter codes' });
    }
  }
  return out;
});

function holdsMoneyValue(index: OpenApiIndex, name: string, schema: unknown, path: JsonPath): boolean {
  if (name === 'value') return isDecimalString(index, schema, path);
  const types = typesOf(index, schema, path);
  return types.has('string') || types.has('number') || types.has('integer');
}

function isIso4217(index: OpenApiIndex, schema: unknown, path: JsonPath): boolean {
  const resolved = index.resolve(schema, path);
  if (!resolved) return false;
  return hasKeyword(
    index,
    resolved,
    (s) =>
      (typeof s.pattern === 'string' && /^\^?\[A-Z\]\{3\}\$?$/.test(s.pattern)) ||
      (Array.isArray(s.enum) && s.enum.length > 0 && s.enum.every((v: unknown) => typeof v === 'string' && /^[A-Z]{3}$/.test(v))),
  );
}

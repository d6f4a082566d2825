import { houseFunction, listWords, stringList } from '../lib/define.ts';
import { isItemPath, parametersOf, responsesOf, type ParameterEntry } from '../../scripts/model/http.ts';
import { isObject, type OpenApiIndex, type OperationEntry } from '../../scripts/model/openapi-index.ts';
import { jsonSchemaOf, mergedObject, typesOf } from '../lib/schema.ts';

interface Options {
  cursorParameters: string[];
  forbiddenPaginationParameters: string[];
}

/** A list grows without bound: it is paged with a cursor and a bounded limit, never by offset. */
export default houseFunction<Options>(
  {
    type: 'object',
    properties: { cursorParameters: stringList, forbiddenPaginationParameters: stringList },
    required: ['cursorParameters', 'forbiddenPaginationParameters'],
    additionalProperties: false,
  },
  (index, options) => {
    const out = [];
    for (const op of index.operations) {
      if (op.kind !== 'path' || op.method !== 'get') continue;
      const params = parametersOf(index, op);
      for (const p of params) {
        if (p.in === 'query' && options.forbiddenPaginationParameters.includes(p.name)) {
          out.push({ path: p.path, message: `${op.label} takes ${p.name}: offset pagination skips or repeats items when the list changes; use a cursor` });
        }
      }
      const shape = collectionShape(index, op);
      if (shape === 'bare-array') {
        out.push({
          path: responsesOf(index, op).find((r) => r.code === '200')!.path,
          message: `${op.label} returns a bare JSON array: wrap it in an object ({items, next_cursor}) so the page can carry its cursor and grow new fields`,
        });
      }
      if (shape === 'none') continue;
      out.push(...paginationProblems(index, op, params, options));
    }
    return out;
  },
);

export function collectionShape(index: OpenApiIndex, op: OperationEntry): 'bare-array' | 'list' | 'none' {
  const ok = responsesOf(index, op).find((r) => r.code === '200');
  const schema = ok ? jsonSchemaOf(index, ok.node.content, [...ok.path, 'content']) : undefined;
  if (!schema) return 'none';
  if (typesOf(index, schema.node, schema.path).has('array')) return 'bare-array';
  if (isItemPath(op.route)) return 'none';
  for (const prop of mergedObject(index, schema.node, schema.path).properties.values()) {
    if (typesOf(index, prop.node, prop.path).has('array')) return 'list';
  }
  return 'none';
}

export function paginationProblems(index: OpenApiIndex, op: OperationEntry, params: ParameterEntry[], { cursorParameters }: Options) {
  const out = [];
  const limit = params.find((p) => p.in === 'query' && p.name === 'limit');
  const limitSchema = limit && isObject(limit.node.schema) ? index.resolve(limit.node.schema, [...limit.path, 'schema']) : undefined;
  if (!limit) {
    out.push({ path: op.path, message: `${op.label} returns a list but takes no limit query parameter` });
  } else if (!limitSchema || !typesOf(index, limitSchema.node, limitSchema.path).has('integer') || typeof limitSchema.node.maximum !== 'number') {
    out.push({ path: limit.path, message: `${op.label}: limit must be an integer with a maximum, so no client can ask for everything at once` });
  }
  if (!params.some((p) => p.in === 'query' && cursorParameters.includes(p.name))) {
    out.push({ path: op.path, message: `${op.label} returns a list but takes no cursor parameter (one of ${listWords(cursorParameters)})` });
  }
  return out;
}

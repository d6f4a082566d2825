import { houseFunction } from '../lib/define.ts';
import { isObject, type JsonPath, type OpenApiIndex } from '../../scripts/model/openapi-index.ts';
import { typesOf } from '../lib/schema.ts';

const ID_NAME = /(^id$|_id$|[a-z0-9]Id$)/;

/** Sequential numeric ids leak business volume and cannot change format later. */
export default houseFunction<null>(null, (index) => {
  const out: Array<{ path: JsonPath; message: string }> = [];
  const check = (name: string, schema: unknown, path: JsonPath, what: string) => {
    const types = typesOf(index, schema, path);
    if (types.has('integer') || types.has('number') || (types.size > 0 && !types.has('string'))) {
      out.push({
        path,
        message: `${what} ${name} is an identifier typed as ${[...types].join('/')}: ids are opaque strings (counters leak business volume and cannot change format)`,
      });
    }
  };
  for (const prop of index.properties) if (ID_NAME.test(prop.name)) check(prop.name, prop.node, prop.path, 'property');
  for (const param of parameterEntries(index)) check(param.name, param.schema, param.path, 'parameter');
  return out;
});

function parameterEntries(index: OpenApiIndex): Array<{ name: string; schema: unknown; path: JsonPath }> {
  const found = new Map<string, { name: string; schema: unknown; path: JsonPath }>();
  const add = (p: unknown, path: JsonPath) => {
    const r = index.resolve(p, path);
    if (!r || !isObject(r.node) || typeof r.node.name !== 'string' || !ID_NAME.test(r.node.name) || !('schema' in r.node)) return;
    found.set(r.path.join('\u0000'), { name: r.node.name, schema: r.node.schema, path: [...r.path, 'schema'] });
  };
  for (const op of index.operations) {
    if (Array.isArray(op.pathItem.parameters))
      op.pathItem.parameters.forEach((p: unknown, i: number) => {
        add(p, [...op.pathItemPath, 'parameters', i]);
      });
    if (Array.isArray(op.node.parameters))
      op.node.parameters.forEach((p: unknown, i: number) => {
        add(p, [...op.path, 'parameters', i]);
      });
  }
  const components = index.document?.components;
  if (isObject(components) && isObject(components.parameters)) {
    for (const [n, p] of Object.entries(components.parameters)) add(p, ['components', 'parameters', n]);
  }
  return [...found.values()];
}

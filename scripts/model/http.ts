import { isObject, type JsonPath, type OpenApiIndex, type OperationEntry, type Resolved, type JsonObject } from './openapi-index.ts';

export interface ParameterEntry extends Resolved<JsonObject> {
  name: string;
  in: string;
}

/** The operation's parameters with the path item's ones it does not override, $refs resolved. */
export function parametersOf(index: OpenApiIndex, op: OperationEntry): ParameterEntry[] {
  const byKey = new Map<string, ParameterEntry>();
  const add = (list: unknown, path: JsonPath) => {
    if (!Array.isArray(list)) return;
    list.forEach((p, i) => {
      const r = index.resolve<JsonObject>(p, [...path, i]);
      if (!r || !isObject(r.node) || typeof r.node.name !== 'string' || typeof r.node.in !== 'string') return;
      const name = r.node.in === 'header' ? r.node.name.toLowerCase() : r.node.name;
      byKey.set(`${r.node.in}:${name}`, { ...r, name: r.node.name, in: r.node.in });
    });
  };
  add(op.pathItem.parameters, [...op.pathItemPath, 'parameters']);
  add(op.node.parameters, [...op.path, 'parameters']);
  return [...byKey.values()];
}

export function findParameter(params: ParameterEntry[], location: string, name: string): ParameterEntry | undefined {
  const wanted = name.toLowerCase();
  return params.find((p) => p.in === location && (location === 'header' ? p.name.toLowerCase() === wanted : p.name === name));
}

export interface ResponseEntry extends Resolved<JsonObject> {
  code: string;
  /** Where the operation lists it (the $ref site for shared responses). */
  declared: JsonPath;
}

export function responsesOf(index: OpenApiIndex, op: OperationEntry): ResponseEntry[] {
  if (!isObject(op.node.responses)) return [];
  const out: ResponseEntry[] = [];
  for (const [code, r] of Object.entries(op.node.responses)) {
    if (code.startsWith('x-')) continue;
    const declared = [...op.path, 'responses', code];
    const resolved = index.resolve<JsonObject>(r, declared);
    if (resolved && isObject(resolved.node)) out.push({ ...resolved, code, declared });
  }
  return out;
}

export function findHeader(response: JsonObject, name: string): unknown {
  if (!isObject(response.headers)) return undefined;
  const wanted = name.toLowerCase();
  const key = Object.keys(response.headers).find((k) => k.toLowerCase() === wanted);
  return key === undefined ? undefined : response.headers[key];
}

export function requestBodyOf(index: OpenApiIndex, op: OperationEntry): Resolved<JsonObject> | undefined {
  if (op.node.requestBody === undefined) return undefined;
  const r = index.resolve<JsonObject>(op.node.requestBody, [...op.path, 'requestBody']);
  return r && isObject(r.node) ? r : undefined;
}

/** `/v1/orders/{order_id}`: the last segment is a template parameter. */
export function isItemPath(route: string): boolean {
  const segments = route.split('/').filter(Boolean);
  const last = segments[segments.length - 1] ?? '';
  return /^\{[^}]+\}$/.test(last);
}

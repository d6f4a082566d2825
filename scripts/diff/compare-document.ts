import { HTTP_METHODS } from '../../rules/lib/openapi-index.ts';
import { compareChanges, type Change, type RawChange } from './change.ts';
import { schemaComparer, type Direction, type SchemaComparer } from './compare-schema.ts';
import { isObject, pointerOf, resolveAt, sideOf, type JsonPath, type Located, type Side } from './sides.ts';

interface OperationAt {
  node: Record<string, any>;
  path: JsonPath;
  pathItem: Record<string, any>;
  pathItemPath: JsonPath;
  label: string;
  /** Webhooks and callbacks are sent by us: their body is our output, their response our input. */
  outgoing: boolean;
  /** For path operations: the template's parameter names, to pair renamed path parameters. */
  templateParams: string[];
}

/**
 * Every difference between two versions of a document, per operation. Operations are matched on
 * method and path with parameter names ignored, so renaming `{id}` to `{order_id}` is not a removal.
 * `base` or `head` may be null for a domain that is new or removed.
 */
export function diffDocuments(baseDoc: Record<string, any> | null, headDoc: Record<string, any> | null): Change[] {
  const base = sideOf(baseDoc ?? {});
  const head = sideOf(headDoc ?? {});
  const schemas = schemaComparer(base, head);
  const changes: Change[] = [];
  const baseOps = operationsOf(base);
  const headOps = operationsOf(head);
  for (const [key, h] of headOps) {
    const b = baseOps.get(key);
    if (!b) {
      changes.push({ id: 'operation-added', level: 'info', message: `${h.label} was added`, operation: h.label, location: pointerOf(h.path) });
      continue;
    }
    for (const c of compareOperation(base, head, schemas, b, h)) changes.push({ ...c, operation: h.label });
  }
  for (const [key, b] of baseOps) {
    if (headOps.has(key)) continue;
    changes.push({ id: 'operation-removed', level: 'breaking', message: `${b.label} was removed: clients calling it will fail`, operation: b.label, location: pointerOf(b.path) });
  }
  if (baseDoc && headDoc) changes.push(...documentChanges(base, head));
  return changes.sort(compareChanges);
}

function normalizeRoute(route: string): string {
  return route.replace(/\{[^}]*\}/g, '{}');
}

function operationsOf(side: Side): Map<string, OperationAt> {
  const ops = new Map<string, OperationAt>();
  const add = (key: string, op: OperationAt) => {
    ops.set(key, op);
    if (!isObject(op.node.callbacks)) return;
    for (const [name, cb] of Object.entries(op.node.callbacks)) {
      const callback = resolveAt(side, cb, [...op.path, 'callbacks', name]);
      if (!isObject(callback.node)) continue;
      for (const [expression, item] of Object.entries(callback.node)) {
        if (expression.startsWith('x-')) continue;
        const resolvedItem = resolveAt(side, item, [...callback.path, expression]);
        forEachMethod(resolvedItem, (method, node, path) =>
          ops.set(`${key} callback ${name} ${expression} ${method}`, { node, path, pathItem: resolvedItem.node, pathItemPath: resolvedItem.path, label: `callback ${name} ${method.toUpperCase()} (of ${op.label})`, outgoing: true, templateParams: [] }),
        );
      }
    }
  };
  const doc = side.document;
  if (isObject(doc.paths)) {
    for (const [route, item] of Object.entries(doc.paths)) {
      if (!route.startsWith('/')) continue;
      const resolvedItem = resolveAt(side, item, ['paths', route]);
      const templateParams = [...route.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]);
      forEachMethod(resolvedItem, (method, node, path) =>
        add(`${method} ${normalizeRoute(route)}`, { node, path, pathItem: resolvedItem.node, pathItemPath: resolvedItem.path, label: `${method.toUpperCase()} ${route}`, outgoing: false, templateParams }),
      );
    }
  }
  if (isObject(doc.webhooks)) {
    for (const [name, item] of Object.entries(doc.webhooks)) {
      const resolvedItem = resolveAt(side, item, ['webhooks', name]);
      forEachMethod(resolvedItem, (method, node, path) =>
        add(`webhook ${name} ${method}`, { node, path, pathItem: resolvedItem.node, pathItemPath: resolvedItem.path, label: method === 'post' ? `webhook ${name}` : `webhook ${name} ${method.toUpperCase()}`, outgoing: true, templateParams: [] }),
      );
    }
  }
  return ops;
}

function forEachMethod(item: Located, fn: (method: string, node: Record<string, any>, path: JsonPath) => void) {
  if (!isObject(item.node)) return;
  for (const method of HTTP_METHODS) if (isObject(item.node[method])) fn(method, item.node[method], [...item.path, method]);
}

interface Param extends Located {
  name: string;
  in: string;
  key: string;
}

function parametersOf(side: Side, op: OperationAt): Map<string, Param> {
  const params = new Map<string, Param>();
  const add = (list: unknown, path: JsonPath) => {
    if (!Array.isArray(list)) return;
    list.forEach((p, i) => {
      const r = resolveAt(side, p, [...path, i]);
      if (!isObject(r.node) || typeof r.node.name !== 'string' || typeof r.node.in !== 'string') return;
      // Path parameters are keyed by their position in the template, so a rename pairs up.
      const position = r.node.in === 'path' ? op.templateParams.indexOf(r.node.name) : -1;
      const key = r.node.in === 'path' && position !== -1 ? `path#${position}` : `${r.node.in}:${r.node.in === 'header' ? r.node.name.toLowerCase() : r.node.name}`;
      params.set(key, { ...r, name: r.node.name, in: r.node.in, key });
    });
  };
  add(op.pathItem.parameters, [...op.pathItemPath, 'parameters']);
  add(op.node.parameters, [...op.path, 'parameters']);
  return params;
}

function compareOperation(base: Side, head: Side, schemas: SchemaComparer, b: OperationAt, h: OperationAt): RawChange[] {
  const out: RawChange[] = [];
  const at = pointerOf;
  const input: Direction = h.outgoing ? 'response' : 'request';
  const output: Direction = h.outgoing ? 'request' : 'response';

  if (b.node.summary !== h.node.summary) out.push({ id: 'summary-changed', level: 'info', message: 'summary changed', location: at(h.path) });
  if (b.node.description !== h.node.description) out.push({ id: 'description-changed', level: 'info', message: 'description changed', location: at(h.path) });
  if (b.node.operationId !== h.node.operationId) out.push({ id: 'operation-id-changed', level: 'warning', message: `operationId changed from ${b.node.operationId ?? 'none'} to ${h.node.operationId ?? 'none'}: generated client methods are renamed`, location: at(h.path) });
  if (!b.node.deprecated && h.node.deprecated) out.push({ id: 'operation-deprecated', level: 'info', message: 'the operation is now deprecated', location: at(h.path) });

  // Parameters (always input to the server for path operations).
  if (!h.outgoing) {
    const bp = parametersOf(base, b);
    const hp = parametersOf(head, h);
    for (const [key, p] of hp) {
      const old = bp.get(key);
      const where = at(p.path);
      if (!old) {
        out.push(p.node.required === true
          ? { id: 'parameter-added-required', level: 'breaking', message: `required ${p.in} parameter ${p.name} was added: old clients do not send it`, location: where }
          : { id: 'parameter-added', level: 'info', message: `optional ${p.in} parameter ${p.name} was added`, location: where });
        continue;
      }
      if (old.name !== p.name) out.push({ id: 'path-parameter-renamed', level: 'info', message: `path parameter ${old.name} was renamed to ${p.name} (the URL is unchanged)`, location: where });
      if (old.node.required !== true && p.node.required === true) out.push({ id: 'parameter-made-required', level: 'breaking', message: `${p.in} parameter ${p.name} is now required: old clients may not send it`, location: where });
      if (old.node.required === true && p.node.required !== true) out.push({ id: 'parameter-made-optional', level: 'info', message: `${p.in} parameter ${p.name} is now optional`, location: where });
      for (const k of ['style', 'explode', 'allowReserved']) {
        if (old.node[k] !== p.node[k]) out.push({ id: 'parameter-serialization-changed', level: 'warning', message: `${p.in} parameter ${p.name}: ${k} changed`, location: where });
      }
      if ('schema' in old.node || 'schema' in p.node) {
        out.push(...schemas.compare({ node: old.node.schema ?? {}, path: [...old.path, 'schema'] }, { node: p.node.schema ?? {}, path: [...p.path, 'schema'] }, 'request', `${p.in} parameter ${p.name}`));
      }
    }
    for (const [key, p] of bp) {
      if (!hp.has(key)) out.push({ id: 'parameter-removed', level: 'warning', message: `${p.in} parameter ${p.name} was removed: old clients still send it, and it is now ignored`, location: at(p.path) });
    }
  }

  // Request body.
  const bb = b.node.requestBody !== undefined ? resolveAt(base, b.node.requestBody, [...b.path, 'requestBody']) : undefined;
  const hb = h.node.requestBody !== undefined ? resolveAt(head, h.node.requestBody, [...h.path, 'requestBody']) : undefined;
  const bodyWord = h.outgoing ? 'payload' : 'request body';
  if (!bb && hb && isObject(hb.node)) {
    out.push(hb.node.required === true && !h.outgoing
      ? { id: 'request-body-added-required', level: 'breaking', message: 'a required request body was added: old clients do not send it', location: at(hb.path) }
      : { id: 'request-body-added', level: h.outgoing ? 'warning' : 'info', message: `a ${bodyWord} was added`, location: at(hb.path) });
  } else if (bb && !hb) {
    out.push({ id: 'request-body-removed', level: h.outgoing ? 'breaking' : 'warning', message: `the ${bodyWord} was removed`, location: at(bb.path) });
  } else if (bb && hb && isObject(bb.node) && isObject(hb.node)) {
    if (bb.node.required !== true && hb.node.required === true && !h.outgoing) out.push({ id: 'request-body-made-required', level: 'breaking', message: 'the request body is now required: old clients may not send it', location: at(hb.path) });
    out.push(...compareContent(schemas, bb, hb, input, bodyWord, h.outgoing ? 'response' : 'request'));
  }

  // Responses.
  const br = isObject(b.node.responses) ? b.node.responses : {};
  const hr = isObject(h.node.responses) ? h.node.responses : {};
  for (const code of Object.keys(br)) {
    if (code.startsWith('x-') || code in hr) continue;
    out.push({ id: 'response-status-removed', level: h.outgoing ? 'warning' : 'breaking', message: `response ${code} was removed${h.outgoing ? '' : ': clients handling it no longer get it, and may get something they do not handle'}`, location: at([...b.path, 'responses', code]) });
  }
  for (const [code, response] of Object.entries(hr)) {
    if (code.startsWith('x-')) continue;
    const hres = resolveAt(head, response, [...h.path, 'responses', code]);
    if (!(code in br)) {
      out.push({ id: 'response-status-added', level: /^2/.test(code) && !h.outgoing ? 'warning' : 'info', message: `response ${code} was added`, location: at(hres.path) });
      continue;
    }
    const bres = resolveAt(base, br[code], [...b.path, 'responses', code]);
    if (!isObject(bres.node) || !isObject(hres.node)) continue;
    if (bres.node.description !== hres.node.description) out.push({ id: 'description-changed', level: 'info', message: `response ${code}: description changed`, location: at(hres.path) });
    out.push(...compareContent(schemas, bres, hres, output, `response ${code}`, h.outgoing ? 'request' : 'response'));
    const bh = isObject(bres.node.headers) ? bres.node.headers : {};
    const hh = isObject(hres.node.headers) ? hres.node.headers : {};
    const lower = (o: Record<string, unknown>) => new Map(Object.keys(o).map((k) => [k.toLowerCase(), k]));
    const bhl = lower(bh);
    const hhl = lower(hh);
    for (const [l, name] of bhl) if (!hhl.has(l)) out.push({ id: 'response-header-removed', level: 'warning', message: `response ${code}: header ${name} was removed`, location: at([...bres.path, 'headers', name]) });
    for (const [l, name] of hhl) {
      const old = bhl.get(l);
      if (!old) continue;
      const bhead = resolveAt(base, bh[old], [...bres.path, 'headers', old]);
      const hhead = resolveAt(head, hh[name], [...hres.path, 'headers', name]);
      if (isObject(bhead.node) && isObject(hhead.node) && ('schema' in bhead.node || 'schema' in hhead.node)) {
        out.push(...schemas.compare({ node: bhead.node.schema ?? {}, path: [...bhead.path, 'schema'] }, { node: hhead.node.schema ?? {}, path: [...hhead.path, 'schema'] }, output, `response ${code} header ${name}`));
      }
    }
  }

  // Security (not for webhooks: partners authenticate us by signature).
  if (!h.outgoing) {
    const alternatives = (side: Side, op: OperationAt) => {
      const sec = op.node.security !== undefined ? op.node.security : side.document.security;
      if (!Array.isArray(sec) || sec.length === 0) return new Set(['']);
      return new Set(sec.map((req: unknown) => (isObject(req) ? Object.entries(req).map(([k, v]) => `${k}[${Array.isArray(v) ? [...v].sort().join(' ') : ''}]`).sort().join('+') : '')));
    };
    const bs = alternatives(base, b);
    const hs = alternatives(head, h);
    for (const alt of bs) {
      if (hs.has(alt)) continue;
      out.push(alt === ''
        ? { id: 'security-requirement-added', level: 'breaking', message: 'the operation now requires authentication: anonymous clients are refused', location: at(h.path) }
        : { id: 'security-requirement-changed', level: 'breaking', message: `security requirement ${alt} is no longer accepted`, location: at(h.path) });
    }
    for (const alt of hs) if (!bs.has(alt)) out.push({ id: 'security-requirement-added-alternative', level: 'info', message: alt === '' ? 'anonymous access is now allowed' : `security requirement ${alt} is now accepted too`, location: at(h.path) });
  }
  return out;
}

function compareContent(schemas: SchemaComparer, b: Located, h: Located, direction: Direction, what: string, removalSide: 'request' | 'response'): RawChange[] {
  const out: RawChange[] = [];
  const bc = isObject(b.node.content) ? b.node.content : {};
  const hc = isObject(h.node.content) ? h.node.content : {};
  for (const type of Object.keys(bc)) {
    if (type in hc) continue;
    out.push({ id: removalSide === 'request' ? 'request-media-type-removed' : 'response-media-type-removed', level: removalSide === 'request' ? 'breaking' : 'warning', message: `${what}: media type ${type} was removed`, location: pointerOf([...b.path, 'content', type]) });
  }
  for (const [type, media] of Object.entries(hc)) {
    if (!(type in bc)) {
      out.push({ id: 'media-type-added', level: 'info', message: `${what}: media type ${type} was added`, location: pointerOf([...h.path, 'content', type]) });
      continue;
    }
    const bm = bc[type];
    if (!isObject(bm) || !isObject(media)) continue;
    if ('schema' in bm || 'schema' in media) {
      out.push(...schemas.compare({ node: bm.schema ?? {}, path: [...b.path, 'content', type, 'schema'] }, { node: media.schema ?? {}, path: [...h.path, 'content', type, 'schema'] }, direction, what));
    }
    if (JSON.stringify(bm.example) !== JSON.stringify(media.example) || JSON.stringify(bm.examples) !== JSON.stringify(media.examples)) {
      out.push({ id: 'example-changed', level: 'info', message: `${what}: example changed`, location: pointerOf([...h.path, 'content', type]) });
    }
  }
  return out;
}

function documentChanges(base: Side, head: Side): Change[] {
  const out: Change[] = [];
  const b = base.document;
  const h = head.document;
  if (JSON.stringify(b.servers) !== JSON.stringify(h.servers)) out.push({ id: 'servers-changed', level: 'warning', message: 'the server list changed: clients configured with a removed URL stop working', operation: null, location: '/servers' });
  if (b.info?.version !== h.info?.version) out.push({ id: 'version-changed', level: 'info', message: `info.version changed from ${b.info?.version} to ${h.info?.version}`, operation: null, location: '/info/version' });
  if (b.info?.description !== h.info?.description || b.info?.title !== h.info?.title) out.push({ id: 'description-changed', level: 'info', message: 'the API description changed', operation: null, location: '/info' });
  const bs = isObject(b.components?.securitySchemes) ? b.components.securitySchemes : {};
  const hs = isObject(h.components?.securitySchemes) ? h.components.securitySchemes : {};
  for (const [name, scheme] of Object.entries(hs)) {
    if (!(name in bs)) continue;
    const strip = (s: unknown) => (isObject(s) ? JSON.stringify({ ...s, description: undefined }) : JSON.stringify(s));
    if (strip(bs[name]) !== strip(scheme)) out.push({ id: 'security-scheme-changed', level: 'breaking', message: `security scheme ${name} changed: existing credentials may no longer work`, operation: null, location: pointerOf(['components', 'securitySchemes', name]) });
  }
  for (const name of Object.keys(bs)) if (!(name in hs)) out.push({ id: 'security-scheme-removed', level: 'breaking', message: `security scheme ${name} was removed`, operation: null, location: pointerOf(['components', 'securitySchemes', name]) });
  return out;
}

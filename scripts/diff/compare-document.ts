/**
 * Compares two versions of a document operation by operation, through the shared index, and returns
 * every difference classified by the change catalogue. Operations are matched on method and path
 * with parameter names ignored, so renaming `{id}` to `{order_id}` is not a removal; webhooks and
 * callbacks are operations too, with the roles turned around (we send the request, partners answer).
 */
import { isObject, pointerOf, type JsonPath, type OperationEntry, type JsonObject } from '../model/openapi-index.ts';
import { classify } from './catalogue.ts';
import { compareChanges, type Change } from './change.ts';
import { schemaComparer, type SchemaComparer, type WireSide } from './compare-schema.ts';
import { docOf, resolveAt, type Doc, type Located } from './doc.ts';
import type { Fact, FactKind, FactSide, OperationFact } from './facts.ts';
import { same } from './schema-view.ts';

/** Every difference between two versions; `base` or `head` may be null for a domain that is new or removed. */
export function diffDocuments(baseDoc: JsonObject | null, headDoc: JsonObject | null): Change[] {
  return documentFacts(baseDoc, headDoc).map(classify).sort(compareChanges);
}

/** The neutral facts, before the catalogue classifies them. */
export function documentFacts(baseDoc: JsonObject | null, headDoc: JsonObject | null): OperationFact[] {
  const base = docOf(baseDoc ?? {});
  const head = docOf(headDoc ?? {});
  const schemas = schemaComparer(base, head);
  const facts: OperationFact[] = [];
  const baseOps = operationsByKey(base);
  const headOps = operationsByKey(head);
  for (const [key, h] of headOps) {
    const b = baseOps.get(key);
    if (!b) {
      facts.push({ kind: 'operation-added', side: 'both', message: `${h.label} was added`, operation: h.label, location: pointerOf(h.path) });
      continue;
    }
    const seen = new Set<string>();
    for (const f of new OperationComparison(base, head, schemas, b, h).run()) {
      const id = `${f.kind}|${f.side}|${f.location}|${f.message}`;
      if (seen.has(id)) continue;
      seen.add(id);
      facts.push({ ...f, operation: h.label });
    }
  }
  for (const [key, b] of baseOps) {
    if (!headOps.has(key))
      facts.push({ kind: 'operation-removed', side: 'both', message: `${b.label} was removed`, operation: b.label, location: pointerOf(b.path) });
  }
  if (baseDoc && headDoc) facts.push(...documentLevelFacts(base, head).map((f) => ({ ...f, operation: null })));
  return facts;
}

const templateOf = (route: string) => route.replace(/\{[^}]*\}/g, '{}');

function operationsByKey(doc: Doc): Map<string, OperationEntry> {
  const ops = new Map<string, OperationEntry>();
  for (const op of doc.index.operations) {
    const key =
      op.kind === 'path'
        ? `${op.method} ${templateOf(op.route)}`
        : op.kind === 'webhook'
          ? `webhook ${op.route} ${op.method}`
          : `callback ${templateOf(op.parent ?? '')} ${op.route} ${op.method}`;
    if (!ops.has(key)) ops.set(key, op);
  }
  return ops;
}

interface Param extends Located {
  name: string;
  in: string;
}

class OperationComparison {
  private readonly out: Fact[] = [];
  /** Webhooks and callbacks are sent by us: their request is our output, their response our input. */
  private readonly outgoing: boolean;
  private readonly input: WireSide;
  private readonly output: WireSide;

  constructor(
    private readonly base: Doc,
    private readonly head: Doc,
    private readonly schemas: SchemaComparer,
    private readonly b: OperationEntry,
    private readonly h: OperationEntry,
  ) {
    this.outgoing = h.kind !== 'path';
    this.input = this.outgoing ? 'response' : 'request';
    this.output = this.outgoing ? 'request' : 'response';
  }

  run(): Fact[] {
    const { b, h } = this;
    const at = h.path;
    if (b.node.summary !== h.node.summary) this.emit('summary-changed', 'both', at, 'summary changed');
    if (!same([b.node.description, b.node.externalDocs], [h.node.description, h.node.externalDocs]))
      this.emit('description-changed', 'both', at, 'description changed');
    if (b.node.operationId !== h.node.operationId)
      this.emit('operation-id-changed', 'both', at, `operationId changed from ${b.node.operationId ?? 'none'} to ${h.node.operationId ?? 'none'}`);
    if (!same(b.node.tags, h.node.tags))
      this.emit('tags-changed', 'both', at, `tags changed from ${JSON.stringify(b.node.tags ?? [])} to ${JSON.stringify(h.node.tags ?? [])}`);
    if (b.node.deprecated !== true && h.node.deprecated === true) this.emit('operation-deprecated', 'both', at, 'the operation is now deprecated');
    else if (b.node.deprecated === true && h.node.deprecated !== true) this.emit('operation-undeprecated', 'both', at, 'the operation is no longer deprecated');
    const servers = (op: OperationEntry) => op.node.servers ?? op.pathItem.servers;
    if (!same(servers(b), servers(h))) this.emit('servers-changed', 'both', at, 'the servers of this operation changed');
    this.parameters();
    this.requestBody();
    this.responses();
    if (!this.outgoing) this.security();
    return this.out;
  }

  private emit(kind: FactKind, side: FactSide, path: JsonPath, message: string): void {
    this.out.push({ kind, side, location: pointerOf(path), message });
  }

  private paramsOf(doc: Doc, op: OperationEntry): Map<string, Param> {
    const templateParams = op.kind === 'path' ? [...op.route.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]) : [];
    const params = new Map<string, Param>();
    const add = (list: unknown, path: JsonPath) => {
      if (!Array.isArray(list)) return;
      list.forEach((p, i) => {
        const r = resolveAt(doc, p, [...path, i]);
        if (!isObject(r.node) || typeof r.node.name !== 'string' || typeof r.node.in !== 'string') return;
        // Path parameters are keyed by their position in the template, so a rename pairs up.
        const position = r.node.in === 'path' ? templateParams.indexOf(r.node.name) : -1;
        const key = position !== -1 ? `path#${position}` : `${r.node.in}:${r.node.in === 'header' ? r.node.name.toLowerCase() : r.node.name}`;
        params.set(key, { ...r, name: r.node.name, in: r.node.in });
      });
    };
    add(op.pathItem.parameters, [...op.pathItemPath, 'parameters']);
    add(op.node.parameters, [...op.path, 'parameters']);
    return params;
  }

  private parameters(): void {
    const side = this.input;
    const bp = this.paramsOf(this.base, this.b);
    const hp = this.paramsOf(this.head, this.h);
    for (const [key, p] of hp) {
      const old = bp.get(key);
      const what = `${p.in} parameter ${p.name}`;
      if (!old) {
        this.emit(
          p.node.required === true ? 'parameter-added-required' : 'parameter-added',
          side,
          p.path,
          `${p.node.required === true ? 'required' : 'optional'} ${what} was added`,
        );
        continue;
      }
      if (old.name !== p.name) this.emit('path-parameter-renamed', side, p.path, `path parameter ${old.name} was renamed to ${p.name} (the URL is unchanged)`);
      if (old.node.required !== true && p.node.required === true) this.emit('parameter-made-required', side, p.path, `${what} is now required`);
      else if (old.node.required === true && p.node.required !== true) this.emit('parameter-made-optional', side, p.path, `${what} is now optional`);
      if (old.node.deprecated !== true && p.node.deprecated === true) this.emit('parameter-deprecated', side, p.path, `${what} is now deprecated`);
      else if (old.node.deprecated === true && p.node.deprecated !== true) this.emit('description-changed', side, p.path, `${what} is no longer deprecated`);
      if (old.node.description !== p.node.description) this.emit('description-changed', side, p.path, `${what}: description changed`);
      if (!same([old.node.example, old.node.examples], [p.node.example, p.node.examples]))
        this.emit('example-changed', side, p.path, `${what}: example changed`);
      this.serialization(old, p, side, what);
      if (old.node.allowReserved === true && p.node.allowReserved !== true)
        this.emit('parameter-allow-reserved-removed', side, p.path, `${what}: reserved characters must now be percent-encoded (allowReserved removed)`);
      else if (old.node.allowReserved !== true && p.node.allowReserved === true)
        this.emit('parameter-allow-reserved-added', side, p.path, `${what}: reserved characters may now be sent as they are (allowReserved)`);
      if (old.node.allowEmptyValue === true && p.node.allowEmptyValue !== true)
        this.emit('parameter-empty-value-disallowed', side, p.path, `${what}: an empty value is no longer allowed`);
      else if (old.node.allowEmptyValue !== true && p.node.allowEmptyValue === true)
        this.emit('parameter-empty-value-allowed', side, p.path, `${what}: an empty value is now allowed`);
      const bContent = isObject(old.node.content);
      const hContent = isObject(p.node.content);
      if (bContent !== hContent) {
        this.emit(
          'parameter-content-changed',
          side,
          p.path,
          `${what}: ${hContent ? 'schema' : 'content'} became ${hContent ? 'content' : 'schema'}: the value is written differently`,
        );
      } else if (bContent && hContent) {
        const bt = Object.keys(old.node.content);
        const ht = Object.keys(p.node.content);
        if (!same(bt, ht)) this.emit('parameter-content-changed', side, p.path, `${what}: its media type changed from ${bt.join(', ')} to ${ht.join(', ')}`);
        else for (const t of ht) this.schema(old.node.content[t], p.node.content[t], [...old.path, 'content', t], [...p.path, 'content', t], side, what);
      } else if ('schema' in old.node || 'schema' in p.node) {
        this.schema(old.node, p.node, old.path, p.path, side, what);
      }
    }
    for (const [key, p] of bp) {
      if (!hp.has(key)) this.emit('parameter-removed', side, p.path, `${p.in} parameter ${p.name} was removed`);
    }
  }

  /** style/explode as they take effect (their defaults depend on where the parameter is). */
  private serialization(old: Param, p: Param, side: WireSide, what: string): void {
    const style = (x: Param) => x.node.style ?? (x.in === 'query' || x.in === 'cookie' ? 'form' : 'simple');
    const explode = (x: Param) => x.node.explode ?? style(x) === 'form';
    const bs = style(old);
    const hs = style(p);
    if (bs === hs && explode(old) === explode(p)) return;
    const types = this.schemas.views.head.of({ node: p.node.schema ?? {}, path: [...p.path, 'schema'] }).types;
    const scalar = types !== undefined && types.size > 0 && [...types].every((t) => ['string', 'number', 'integer', 'boolean', 'null'].includes(t));
    // A scalar is written the same way by form, spaceDelimited and pipeDelimited, exploded or not; not so in paths.
    const sameForScalars = (s: string) => (p.in === 'query' || p.in === 'cookie' ? ['form', 'spaceDelimited', 'pipeDelimited'].includes(s) : s === 'simple');
    const reworded = scalar && (bs === hs || (sameForScalars(bs) && sameForScalars(hs)));
    this.emit(
      reworded ? 'parameter-serialization-reworded' : 'parameter-serialization-changed',
      side,
      p.path,
      `${what}: serialization changed from style ${bs}${explode(old) ? ', explode' : ''} to style ${hs}${explode(p) ? ', explode' : ''}`,
    );
  }

  private schema(bHolder: JsonObject, hHolder: JsonObject, bPath: JsonPath, hPath: JsonPath, side: WireSide, what: string): void {
    // No schema, `schema: true` and `schema: {}` all accept any value.
    const any = (holder: JsonObject) =>
      !isObject(holder) ||
      !('schema' in holder) ||
      holder.schema === true ||
      (isObject(holder.schema) && Object.keys(holder.schema).every((k) => k.startsWith('x-')));
    const bHas = !any(bHolder);
    const hHas = !any(hHolder);
    if (!bHas && !hHas) return;
    if (!bHas) this.emit('schema-added', side, [...hPath, 'schema'], `${what}: a schema was added where any value was accepted`);
    else if (!hHas) this.emit('schema-removed', side, hPath, `${what}: the schema was removed: Json value is now accepted`);
    else
      this.out.push(
        ...this.schemas.compare({ node: bHolder.schema, path: [...bPath, 'schema'] }, { node: hHolder.schema, path: [...hPath, 'schema'] }, side, what),
      );
  }

  private requestBody(): void {
    const { b, h } = this;
    const side = this.input;
    const bb = b.node.requestBody !== undefined ? resolveAt(this.base, b.node.requestBody, [...b.path, 'requestBody']) : undefined;
    const hb = h.node.requestBody !== undefined ? resolveAt(this.head, h.node.requestBody, [...h.path, 'requestBody']) : undefined;
    const what = this.outgoing ? 'payload' : 'request body';
    if (!bb && hb && isObject(hb.node)) {
      this.emit(
        hb.node.required === true ? 'body-added-required' : 'body-added',
        side,
        hb.path,
        `a ${hb.node.required === true ? 'required' : 'optional'} ${what} was added`,
      );
    } else if (bb && !hb && isObject(bb.node)) {
      this.emit(
        bb.node.required === true ? 'body-removed' : 'optional-body-removed',
        side,
        bb.path,
        `the ${bb.node.required === true ? 'required' : 'optional'} ${what} was removed`,
      );
    } else if (bb && hb && isObject(bb.node) && isObject(hb.node)) {
      if (bb.node.required !== true && hb.node.required === true) this.emit('body-made-required', side, hb.path, `the ${what} is now required`);
      else if (bb.node.required === true && hb.node.required !== true) this.emit('body-made-optional', side, hb.path, `the ${what} is now optional`);
      if (bb.node.description !== hb.node.description) this.emit('description-changed', side, hb.path, `${what}: description changed`);
      this.content(bb, hb, side, what);
    }
  }

  private content(b: Located, h: Located, side: WireSide, what: string): void {
    const bc: JsonObject = isObject(b.node.content) ? b.node.content : {};
    const hc: JsonObject = isObject(h.node.content) ? h.node.content : {};
    const pairs = pairMediaTypes(Object.keys(bc), Object.keys(hc));
    for (const type of pairs.removed) this.emit('media-type-removed', side, [...b.path, 'content', type], `${what}: media type ${type} was removed`);
    for (const type of pairs.added) this.emit('media-type-added', side, [...h.path, 'content', type], `${what}: media type ${type} was added`);
    for (const [bt, ht] of pairs.pairs) {
      const bm = bc[bt];
      const hm = hc[ht];
      if (!isObject(bm) || !isObject(hm)) continue;
      const label = Object.keys(hc).length > 1 ? `${what} (${ht})` : what;
      this.schema(bm, hm, [...b.path, 'content', bt], [...h.path, 'content', ht], side, label);
      if (!same([bm.example, bm.examples], [hm.example, hm.examples]))
        this.emit('example-changed', side, [...h.path, 'content', ht], `${label}: example changed`);
      if (!same(bm.encoding, hm.encoding)) this.emit('encoding-changed', side, [...h.path, 'content', ht], `${label}: the encoding of its parts changed`);
    }
  }

  private responses(): void {
    const { b, h } = this;
    const side = this.output;
    const br: Record<string, unknown> = isObject(b.node.responses) ? b.node.responses : {};
    const hr: Record<string, unknown> = isObject(h.node.responses) ? h.node.responses : {};
    const codes = (r: Record<string, unknown>) => Object.keys(r).filter((c) => !c.startsWith('x-'));
    // A specific status may move into a range (404 → 4XX) or into `default`: compare it there.
    const cover = (code: string, r: Record<string, unknown>) => [code, `${code[0]}XX`, `${code[0]}xx`, 'default'].find((c) => c in r);
    // A range narrowed to the specific statuses in it (4XX → 404) is compared with each of them.
    const narrowed = (code: string) => /^[1-5]XX$/i.test(code) && codes(hr).some((c) => c[0] === code[0] && /^\d{3}$/.test(c));
    for (const code of codes(br)) {
      const target = cover(code, hr);
      if (target === undefined && narrowed(code)) continue;
      if (target === undefined) {
        this.emit(/^2/.test(code) ? 'success-status-removed' : 'status-removed', side, [...b.path, 'responses', code], `response ${code} was removed`);
      } else if (target !== code && !(code in hr)) {
        this.response(code, br[code], target, hr[target], side);
      }
    }
    for (const code of codes(hr)) {
      if (code in br) {
        this.response(code, br[code], code, hr[code], side);
        continue;
      }
      const from = cover(code, br);
      if (from !== undefined && from !== code) this.response(from, br[from], code, hr[code], side);
      else this.emit(/^2/.test(code) ? 'success-status-added' : 'status-added', side, [...h.path, 'responses', code], `response ${code} was added`);
    }
  }

  private response(bCode: string, bNode: unknown, hCode: string, hNode: unknown, side: WireSide): void {
    const bres = resolveAt(this.base, bNode, [...this.b.path, 'responses', bCode]);
    const hres = resolveAt(this.head, hNode, [...this.h.path, 'responses', hCode]);
    if (!isObject(bres.node) || !isObject(hres.node)) return;
    const what = bCode === hCode ? `response ${hCode}` : `response ${bCode} (now ${hCode})`;
    if (bres.node.description !== hres.node.description) this.emit('description-changed', side, hres.path, `${what}: description changed`);
    if (!same(bres.node.links, hres.node.links)) this.emit('links-changed', side, hres.path, `${what}: links changed`);
    this.content(bres, hres, side, what);
    const bh: Record<string, unknown> = isObject(bres.node.headers) ? bres.node.headers : {};
    const hh: Record<string, unknown> = isObject(hres.node.headers) ? hres.node.headers : {};
    const lower = (o: Record<string, unknown>) => new Map(Object.keys(o).map((k) => [k.toLowerCase(), k]));
    const bhl = lower(bh);
    const hhl = lower(hh);
    const header = (doc: Doc, node: unknown, path: JsonPath) => resolveAt(doc, node, path);
    for (const [l, name] of bhl) {
      if (hhl.has(l) || l === 'content-type') continue;
      const old = header(this.base, bh[name], [...bres.path, 'headers', name]);
      const required = isObject(old.node) && old.node.required === true;
      this.emit(
        required ? 'header-removed' : 'optional-header-removed',
        side,
        old.path,
        `${what}: ${required ? 'required' : 'optional'} header ${name} was removed`,
      );
    }
    for (const [l, name] of hhl) {
      if (l === 'content-type') continue;
      const now = header(this.head, hh[name], [...hres.path, 'headers', name]);
      const oldName = bhl.get(l);
      if (oldName === undefined) {
        const required = isObject(now.node) && now.node.required === true;
        this.emit(
          required ? 'header-added-required' : 'header-added',
          side,
          now.path,
          `${what}: ${required ? 'required' : 'optional'} header ${name} was added`,
        );
        continue;
      }
      const old = header(this.base, bh[oldName], [...bres.path, 'headers', oldName]);
      if (!isObject(old.node) || !isObject(now.node)) continue;
      if (old.node.required !== true && now.node.required === true)
        this.emit('header-made-required', side, now.path, `${what}: header ${name} is now always sent`);
      else if (old.node.required === true && now.node.required !== true)
        this.emit('header-made-optional', side, now.path, `${what}: header ${name} is no longer always sent`);
      this.schema(old.node, now.node, old.path, now.path, side, `${what} header ${name}`);
    }
  }

  /**
   * A client that met one of the base's security alternatives (one requirement object: schemes and
   * scopes) keeps working when the head has an alternative that asks for no more than that.
   */
  private security(): void {
    const alternatives = (doc: Doc, op: OperationEntry): Array<Map<string, Set<string>>> => {
      const sec = op.node.security !== undefined ? op.node.security : doc.document.security;
      if (!Array.isArray(sec) || sec.length === 0) return [new Map()];
      return sec.map((req: unknown) => new Map(isObject(req) ? Object.entries(req).map(([k, v]) => [k, new Set(Array.isArray(v) ? v.map(String) : [])]) : []));
    };
    const show = (alt: Map<string, Set<string>>) =>
      alt.size === 0 ? 'anonymous access' : [...alt].map(([k, s]) => (s.size > 0 ? `${k} [${[...s].sort().join(' ')}]` : k)).join(' + ');
    const covers = (client: Map<string, Set<string>>, need: Map<string, Set<string>>) =>
      [...need].every(([k, scopes]) => client.has(k) && [...scopes].every((s) => client.get(k)!.has(s)));
    const bAlts = alternatives(this.base, this.b);
    const hAlts = alternatives(this.head, this.h);
    const at = this.h.path;
    let broken = false;
    for (const alt of bAlts) {
      if (hAlts.some((need) => covers(alt, need))) continue;
      broken = true;
      if (alt.size === 0)
        this.emit('security-added', 'both', at, `the operation now requires authentication (${hAlts.map(show).join(' or ')}): anonymous clients are refused`);
      else if (hAlts.some((need) => [...need.keys()].every((k) => alt.has(k))))
        this.emit('security-scope-added', 'both', at, `clients authenticated with ${show(alt)} now need more scopes (${hAlts.map(show).join(' or ')})`);
      else if (hAlts.some((need) => [...alt.keys()].every((k) => need.has(k))))
        this.emit(
          'security-requirement-added',
          'both',
          at,
          `clients authenticated with ${show(alt)} now need another credential too (${hAlts.map(show).join(' or ')})`,
        );
      else this.emit('security-alternative-removed', 'both', at, `${show(alt)} is no longer accepted (now: ${hAlts.map(show).join(' or ')})`);
    }
    const key = (alts: Array<Map<string, Set<string>>>) => alts.map(show).sort().join(' | ');
    if (!broken && key(bAlts) !== key(hAlts))
      this.emit(
        'security-relaxed',
        'both',
        at,
        `security changed from ${bAlts.map(show).join(' or ')} to ${hAlts.map(show).join(' or ')}; every client that authenticated before still does`,
      );
  }
}

/** Media types paired exactly, then by their type/subtype without parameters (`application/json; charset=utf-8`). */
function pairMediaTypes(base: string[], head: string[]): { pairs: Array<[string, string]>; removed: string[]; added: string[] } {
  const essence = (t: string) => t.split(';')[0].trim().toLowerCase();
  const pairs: Array<[string, string]> = [];
  const restB = base.filter((t) => !head.includes(t));
  const restH = head.filter((t) => !base.includes(t));
  for (const t of base) if (head.includes(t)) pairs.push([t, t]);
  const removed: string[] = [];
  for (const t of restB) {
    const candidates = restH.filter((u) => essence(u) === essence(t));
    if (candidates.length === 1 && restB.filter((u) => essence(u) === essence(t)).length === 1) {
      pairs.push([t, candidates[0]]);
      restH.splice(restH.indexOf(candidates[0]), 1);
    } else removed.push(t);
  }
  return { pairs, removed, added: restH };
}

function documentLevelFacts(base: Doc, head: Doc): Fact[] {
  const out: Fact[] = [];
  const emit = (kind: FactKind, location: string, message: string) => out.push({ kind, side: 'document', location, message });
  const b = base.document;
  const h = head.document;
  if (!same(b.servers, h.servers)) emit('servers-changed', '/servers', 'the server list changed');
  if (b.info?.version !== h.info?.version) emit('version-changed', '/info/version', `info.version changed from ${b.info?.version} to ${h.info?.version}`);
  if (
    !same(
      [b.info?.title, b.info?.description, b.info?.summary, b.externalDocs, b.tags],
      [h.info?.title, h.info?.description, h.info?.summary, h.externalDocs, h.tags],
    )
  )
    emit('description-changed', '/info', 'the API description changed');
  if (b.jsonSchemaDialect !== h.jsonSchemaDialect)
    emit(
      'schema-dialect-changed',
      '/jsonSchemaDialect',
      `jsonSchemaDialect changed from ${b.jsonSchemaDialect ?? 'the default'} to ${h.jsonSchemaDialect ?? 'the default'}`,
    );
  const bs: Record<string, unknown> = isObject(b.components?.securitySchemes) ? b.components.securitySchemes : {};
  const hs: Record<string, unknown> = isObject(h.components?.securitySchemes) ? h.components.securitySchemes : {};
  // What a credential is: the scheme's type and where it goes, not its description or scope list.
  const identity = (s: unknown): string => {
    if (!isObject(s)) return JSON.stringify(s);
    const flows = isObject(s.flows)
      ? Object.fromEntries(Object.entries(s.flows).map(([k, f]) => [k, isObject(f) ? { authorizationUrl: f.authorizationUrl, tokenUrl: f.tokenUrl } : f]))
      : undefined;
    return JSON.stringify({
      type: s.type,
      in: s.in,
      name: s.name,
      scheme: typeof s.scheme === 'string' ? s.scheme.toLowerCase() : s.scheme,
      openIdConnectUrl: s.openIdConnectUrl,
      flows,
    });
  };
  for (const [name, scheme] of Object.entries(hs)) {
    const at = pointerOf(['components', 'securitySchemes', name]);
    if (!(name in bs)) emit('security-scheme-added', at, `security scheme ${name} was added`);
    else if (identity(bs[name]) !== identity(scheme)) emit('security-scheme-changed', at, `security scheme ${name} changed (type, location, name or URLs)`);
    else if (!same(bs[name], scheme)) emit('description-changed', at, `security scheme ${name}: description or scopes changed`);
  }
  for (const name of Object.keys(bs))
    if (!(name in hs)) emit('security-scheme-removed', pointerOf(['components', 'securitySchemes', name]), `security scheme ${name} was removed`);
  return out;
}

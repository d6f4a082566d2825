/**
 * A schema as the comparer reads it: $refs followed (3.1 siblings of a $ref included), `allOf`
 * merged into one set of keywords, a nullable wrapping (`oneOf: [{type: 'null'}, X]`, 3.0
 * `nullable: true`) folded into the type set, boolean schemas and 2019 tuple `items` read as what
 * they mean. Two schemas written differently but meaning the same then compare equal, which is what
 * keeps refactors (wrapping a schema into `allOf`, moving it to a component) from reading as changes.
 */
import { isObject, pointerOf, type JsonPath, type Json } from '../model/openapi-index.ts';
import type { Doc, Located } from './doc.ts';

export interface Keyword {
  value: Json;
  /** Where the keyword is written, for reports. */
  path: JsonPath;
  /** Set when the value was built by merging parts: the identity of its subschema(s). */
  key?: string;
}

export interface SchemaView {
  /** Identity for memoising comparisons: the pointer of the schema, or of the parts it was merged from. */
  key: string;
  path: JsonPath;
  component?: string;
  /** A `false` schema, or types that contradict each other: no value is valid. */
  never: boolean;
  /** Accepted JSON types, 'null' included when nullable; undefined when any type is accepted. */
  types?: Set<string>;
  typePath: JsonPath;
  /** 3.0 `nullable: true` seen on this schema or a merged part (applied to the types at the end). */
  nullable: boolean;
  /** Every other keyword, merged across `allOf` parts; `const` is read as a one-value `enum`. */
  keywords: Map<string, Keyword>;
  properties: Map<string, Located>;
  /** Required property names and where each is required. */
  required: Map<string, JsonPath>;
  patterns: Keyword[];
  prefixItems?: Keyword;
  variants?: { keyword: 'oneOf' | 'anyOf'; members: Located[]; path: JsonPath };
  /** `allOf` parts that could not be merged (conflicting keywords): compared part by part. */
  rest: Located[];
}

/** Keywords that describe rather than constrain: the first one seen wins, nothing conflicts. */
const ANNOTATIONS = new Set([
  'description',
  'title',
  'example',
  'examples',
  'externalDocs',
  '$comment',
  'deprecated',
  'xml',
  'default',
  'readOnly',
  'writeOnly',
  'discriminator',
  '$id',
  '$schema',
  '$anchor',
  '$dynamicAnchor',
  '$defs',
  'definitions',
]);
const UPPER = new Set(['maximum', 'maxLength', 'maxItems', 'maxProperties', 'maxContains']);
const LOWER = new Set(['minimum', 'minLength', 'minItems', 'minProperties', 'minContains']);
/** Subschema keywords where two parts combine as `allOf` of both. */
const SUBSCHEMA = new Set(['items', 'additionalProperties', 'unevaluatedProperties', 'unevaluatedItems', 'contains', 'propertyNames', 'contentSchema']);
const SCHEMA_MAPS = new Set(['patternProperties', 'dependentSchemas']);
const FLAGS = new Set(['uniqueItems', 'readOnly', 'writeOnly', 'deprecated']);
const MAX_DEPTH = 64;

export class SchemaViews {
  private readonly cache = new Map<string, SchemaView>();

  constructor(private readonly doc: Doc) {}

  /** The view of a schema wherever it is (a $ref, a boolean, an inline object). */
  of(loc: Located, depth = 0): SchemaView {
    const { node, path } = loc;
    if (isObject(node) && typeof node.$ref === 'string') {
      const resolved = this.doc.index.resolve(node, path);
      if (!resolved) return this.build({ node: { $ref: node.$ref }, path, key: `broken:${pointerOf(path)}` }, depth);
      const last = resolved.path[resolved.path.length - 1];
      const target: Located = { node: resolved.node, path: resolved.path, component: typeof last === 'string' ? last : String(last) };
      const siblings = Object.keys(node).filter((k) => k !== '$ref' && !k.startsWith('x-'));
      if (siblings.length === 0 || depth > MAX_DEPTH) return this.of(target, depth + 1);
      // 3.1: keywords beside a $ref apply too, like an allOf of the two.
      const own = Object.fromEntries(siblings.map((k) => [k, node[k]]));
      const key = loc.key ?? pointerOf(path);
      return this.cached(key, () => {
        const view = this.ownView({ node: own, path, key });
        this.mergePart(view, this.of(target, depth + 1), target);
        return finish(view);
      });
    }
    return this.build(loc, depth);
  }

  /** A view of `base` with `part` merged in, as if `base` said `allOf: [part]` (the members of a union). */
  withPart(base: SchemaView, part: Located): SchemaView {
    const partView = this.of(part);
    return this.cached(`${base.key}+${partView.key}`, () => {
      const view = cloneView(base, `${base.key}+${partView.key}`);
      view.variants = undefined;
      view.component = partView.component ?? base.component;
      this.mergePart(view, partView, part);
      return finish(view);
    });
  }

  /** A node the comparer builds itself (the allOf of two parts), with an identity of its own. */
  combine(a: Located, b: Located, how: 'allOf' | 'anyOf' = 'allOf'): Located {
    return { node: { [how]: [a.node, b.node] }, path: a.path, key: `(${this.keyOf(a)}${how === 'allOf' ? '&' : '|'}${this.keyOf(b)})` };
  }

  keyOf(loc: Located): string {
    if (loc.key) return loc.key;
    if (isObject(loc.node) && typeof loc.node.$ref === 'string') {
      const resolved = this.doc.index.resolve(loc.node, loc.path);
      if (resolved && Object.keys(loc.node).length === 1) return pointerOf(resolved.path);
    }
    return pointerOf(loc.path);
  }

  private cached(key: string, make: () => SchemaView): SchemaView {
    const known = this.cache.get(key);
    if (known) return known;
    const view = make();
    this.cache.set(key, view);
    return view;
  }

  private build(loc: Located, depth: number): SchemaView {
    const key = loc.key ?? pointerOf(loc.path);
    return this.cached(key, () => {
      const view = this.ownView({ ...loc, key });
      const allOf = isObject(loc.node) && Array.isArray(loc.node.allOf) ? loc.node.allOf : [];
      allOf.forEach((part: unknown, i: number) => {
        const partLoc: Located = { node: part, path: [...loc.path, 'allOf', i] };
        if (depth > MAX_DEPTH) view.rest.push(partLoc);
        else this.mergePart(view, this.of(partLoc, depth + 1), partLoc);
      });
      this.foldVariants(view, depth);
      return finish(view);
    });
  }

  /** The keywords written on the schema itself, without its allOf parts. */
  private ownView(loc: Located & { key: string }): SchemaView {
    const { node, path } = loc;
    const view = emptyView(loc.key, path, loc.component);
    if (typeof node === 'boolean') {
      view.never = !node;
      return view;
    }
    if (!isObject(node)) {
      // Not a schema at all: kept as an opaque value so that a change of it is still reported.
      view.keywords.set('$value', { value: node, path });
      return view;
    }
    for (const [k, v] of Object.entries(node)) {
      if (k.startsWith('x-') || k === 'allOf') continue;
      const at = [...path, k];
      switch (k) {
        case 'type': {
          const list = Array.isArray(v) ? v : [v];
          view.types = new Set(list.filter((t): t is string => typeof t === 'string'));
          view.typePath = at;
          break;
        }
        case 'nullable':
          if (v === true) view.nullable = true;
          break;
        case 'properties':
          if (isObject(v)) for (const [name, child] of Object.entries(v)) view.properties.set(name, { node: child, path: [...at, name] });
          break;
        case 'required':
          if (Array.isArray(v)) for (const name of v) if (typeof name === 'string') view.required.set(name, at);
          break;
        case 'pattern':
          if (typeof v === 'string') view.patterns.push({ value: v, path: at });
          break;
        case 'const':
          view.keywords.set('enum', { value: [v], path: at });
          break;
        case 'enum':
          if (Array.isArray(v)) view.keywords.set('enum', { value: v, path: at });
          break;
        case 'oneOf':
        case 'anyOf':
          if (!Array.isArray(v)) break;
          if (view.variants) view.rest.push({ node: { [k]: v }, path: at, key: pointerOf(at) });
          else view.variants = { keyword: k, members: v.map((m: unknown, i: number) => ({ node: m, path: [...at, i] })), path: at };
          break;
        case 'prefixItems':
          if (Array.isArray(v)) view.prefixItems = { value: v, path: at };
          break;
        case 'items':
          // 2019-09 and 3.0-era tuples: an items array is prefixItems, additionalItems the rest.
          if (Array.isArray(v)) {
            view.prefixItems = { value: v, path: at };
            if ('additionalItems' in node) view.keywords.set('items', { value: node.additionalItems, path: [...path, 'additionalItems'] });
          } else view.keywords.set('items', { value: v, path: at });
          break;
        case 'additionalItems':
          break;
        case 'exclusiveMaximum':
        case 'exclusiveMinimum':
          // 3.0: a boolean that makes maximum/minimum exclusive; 3.1: a bound of its own.
          if (typeof v === 'boolean') {
            if (v) view.keywords.set(`${k}Flag`, { value: true, path: at });
          } else view.keywords.set(k, { value: v, path: at });
          break;
        default:
          view.keywords.set(k, { value: v, path: at });
      }
    }
    return view;
  }

  /** Merges an allOf part into a view; a part whose keywords conflict stays apart, compared whole. */
  private mergePart(view: SchemaView, part: SchemaView, partLoc: Located): void {
    if (part.key === view.key) return;
    if (conflicts(view, part)) {
      view.rest.push(partLoc);
      return;
    }
    if (part.never) view.never = true;
    if (part.nullable) view.nullable = true;
    if (part.types) {
      if (!view.types) {
        view.types = new Set(part.types);
        view.typePath = part.typePath;
      } else {
        const merged = new Set<string>();
        for (const t of view.types) {
          if (part.types.has(t)) merged.add(t);
          else if (t === 'number' && part.types.has('integer')) merged.add('integer');
          else if (t === 'integer' && part.types.has('number')) merged.add('integer');
        }
        if (merged.size === 0) view.never = true;
        view.types = merged;
      }
    }
    for (const [name, loc] of part.properties) {
      const mine = view.properties.get(name);
      view.properties.set(name, mine ? this.combine(mine, loc) : loc);
    }
    for (const [name, at] of part.required) if (!view.required.has(name)) view.required.set(name, at);
    for (const p of part.patterns) if (!view.patterns.some((q) => q.value === p.value)) view.patterns.push(p);
    if (part.prefixItems && !view.prefixItems) view.prefixItems = part.prefixItems;
    if (part.variants) {
      if (!view.variants) view.variants = part.variants;
      else
        view.rest.push({
          node: { [part.variants.keyword]: part.variants.members.map((m) => m.node) },
          path: part.variants.path,
          key: pointerOf(part.variants.path),
        });
    }
    view.rest.push(...part.rest);
    for (const [k, kw] of part.keywords) {
      const mine = view.keywords.get(k);
      if (!mine) {
        view.keywords.set(k, kw);
        continue;
      }
      if (UPPER.has(k) || k === 'exclusiveMaximum') {
        if (typeof kw.value === 'number' && typeof mine.value === 'number' && kw.value < mine.value) view.keywords.set(k, kw);
      } else if (LOWER.has(k) || k === 'exclusiveMinimum') {
        if (typeof kw.value === 'number' && typeof mine.value === 'number' && kw.value > mine.value) view.keywords.set(k, kw);
      } else if (k === 'enum') {
        view.keywords.set(k, { value: (mine.value as unknown[]).filter((v) => (kw.value as unknown[]).some((w) => same(v, w))), path: kw.path });
      } else if (FLAGS.has(k)) {
        if (kw.value === true) view.keywords.set(k, kw);
      } else if (SUBSCHEMA.has(k)) {
        if (same(mine.value, kw.value)) continue;
        if (mine.value === false || kw.value === false) view.keywords.set(k, { value: false, path: mine.value === false ? mine.path : kw.path });
        else {
          const combined = this.combine({ node: mine.value, path: mine.path, key: mine.key }, { node: kw.value, path: kw.path, key: kw.key });
          view.keywords.set(k, { value: combined.node, path: mine.path, key: combined.key });
        }
      } else if (SCHEMA_MAPS.has(k) && isObject(mine.value) && isObject(kw.value)) {
        const merged: Record<string, unknown> = { ...mine.value };
        for (const [n, s] of Object.entries(kw.value)) merged[n] = n in merged && !same(merged[n], s) ? { allOf: [merged[n], s] } : s;
        view.keywords.set(k, { value: merged, path: mine.path, key: `(${mine.key ?? pointerOf(mine.path)}&${kw.key ?? pointerOf(kw.path)})` });
      } else if (k === 'dependentRequired' && isObject(mine.value) && isObject(kw.value)) {
        const merged: Record<string, string[]> = { ...mine.value };
        for (const [n, list] of Object.entries(kw.value))
          merged[n] = [...new Set([...(Array.isArray(merged[n]) ? merged[n] : []), ...(Array.isArray(list) ? list : [])])];
        view.keywords.set(k, { value: merged, path: mine.path });
      }
      // Anything else: the view's own value wins (annotations), or conflicts() kept the part apart.
    }
  }

  /** `oneOf: [{type: 'null'}, X]` is X made nullable; a union of one member is that member. */
  private foldVariants(view: SchemaView, depth: number): void {
    const variants = view.variants;
    if (!variants || depth > MAX_DEPTH) return;
    const nonNull = variants.members.filter((m) => !isNullSchema(this.of(m, depth + 1)));
    const nullableWrap = nonNull.length === 1 && variants.members.length > 1;
    if (!nullableWrap && variants.members.length !== 1) return;
    view.variants = undefined;
    if (nonNull.length < variants.members.length) view.nullable = true;
    this.mergePart(view, this.of(nonNull[0], depth + 1), nonNull[0]);
  }
}

function emptyView(key: string, path: JsonPath, component?: string): SchemaView {
  return {
    key,
    path,
    component,
    never: false,
    typePath: [...path, 'type'],
    nullable: false,
    keywords: new Map(),
    properties: new Map(),
    required: new Map(),
    patterns: [],
    rest: [],
  };
}

function cloneView(v: SchemaView, key: string): SchemaView {
  return {
    ...v,
    key,
    types: v.types && new Set(v.types),
    keywords: new Map(v.keywords),
    properties: new Map(v.properties),
    required: new Map(v.required),
    patterns: [...v.patterns],
    rest: [...v.rest],
  };
}

/** Applies 3.0 `nullable` to the types, once every part is merged. */
function finish(view: SchemaView): SchemaView {
  if (view.nullable && view.types && !view.types.has('null')) view.types = new Set([...view.types, 'null']);
  return view;
}

function isNullSchema(v: SchemaView): boolean {
  if (v.types && v.types.size === 1 && v.types.has('null')) return true;
  const e = v.keywords.get('enum');
  return !v.types && !!e && Array.isArray(e.value) && e.value.length === 1 && e.value[0] === null;
}

/** Two parts conflict when they give one keyword different values that cannot be combined. */
function conflicts(view: SchemaView, part: SchemaView): boolean {
  if (part.prefixItems && view.prefixItems && !same(part.prefixItems.value, view.prefixItems.value)) return true;
  for (const [k, kw] of part.keywords) {
    const mine = view.keywords.get(k);
    if (!mine || ANNOTATIONS.has(k) || UPPER.has(k) || LOWER.has(k) || FLAGS.has(k) || SUBSCHEMA.has(k) || SCHEMA_MAPS.has(k)) continue;
    if (k === 'enum' || k === 'exclusiveMaximum' || k === 'exclusiveMinimum' || k === 'dependentRequired') continue;
    if (!same(mine.value, kw.value)) return true;
  }
  return false;
}

export function same(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

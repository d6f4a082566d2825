/**
 * Compares two schemas keyword by keyword, through every subschema position of JSON Schema 2020-12
 * (and OpenAPI 3.0's dialect), and says what changed as neutral facts. Which side of the wire the
 * schema is on only decides what is visible there: `readOnly` properties never travel in requests,
 * `writeOnly` ones never in responses. Whether a fact breaks anyone is the catalogue's call.
 */
import { pointerOf, type JsonPath } from '../model/openapi-index.ts';
import type { Doc, Located } from './doc.ts';
import { conditionFact, invertFact, type Fact, type FactKind } from './facts.ts';
import { SchemaViews, same, type Keyword, type SchemaView } from './schema-view.ts';

export type WireSide = 'request' | 'response';

export interface SchemaComparer {
  compare(base: Located, head: Located, side: WireSide, label: string): Fact[];
  /** For callers that need to know whether a schema is closed to unknown properties, and so on. */
  views: { base: SchemaViews; head: SchemaViews };
}

/** Keywords the comparer reads; any other keyword that changes is reported for a human to judge. */
const HANDLED = new Set([
  'format',
  'enum',
  'maximum',
  'exclusiveMaximum',
  'exclusiveMaximumFlag',
  'minimum',
  'exclusiveMinimum',
  'exclusiveMinimumFlag',
  'maxLength',
  'minLength',
  'maxItems',
  'minItems',
  'maxProperties',
  'minProperties',
  'maxContains',
  'minContains',
  'multipleOf',
  'uniqueItems',
  'additionalProperties',
  'unevaluatedProperties',
  'patternProperties',
  'propertyNames',
  'dependentRequired',
  'dependentSchemas',
  'items',
  'unevaluatedItems',
  'contains',
  'not',
  'if',
  'then',
  'else',
  'contentMediaType',
  'contentEncoding',
  'contentSchema',
  'default',
  'discriminator',
  'description',
  'title',
  'example',
  'examples',
  'externalDocs',
  '$comment',
  'deprecated',
  'readOnly',
  'writeOnly',
  'xml',
  '$defs',
  'definitions',
]);
const SIZE_BOUNDS: Array<[string, 'upper' | 'lower']> = [
  ['maxLength', 'upper'],
  ['maxItems', 'upper'],
  ['maxProperties', 'upper'],
  ['maxContains', 'upper'],
  ['minLength', 'lower'],
  ['minItems', 'lower'],
  ['minProperties', 'lower'],
  ['minContains', 'lower'],
];
/** Strings every "match anything" pattern accepts; a pattern accepting all of them constrains nothing. */
const PROBES = ['', 'a', 'Z', '0', ' ', '-', '_', '.', '~', '\n', 'é', '✓', 'ab12 XY-_.', '{}[]()', '/\\'];

export function schemaComparer(base: Doc, head: Doc): SchemaComparer {
  const bViews = new SchemaViews(base);
  const hViews = new SchemaViews(head);
  const memo = new Map<string, Fact[]>();
  const inProgress = new Set<string>();

  const compare = (b: Located, h: Located, side: WireSide, label: string): Fact[] => compareViews(bViews.of(b), hViews.of(h), side, label);

  const compareViews = (b: SchemaView, h: SchemaView, side: WireSide, outer: string): Fact[] => {
    const label = h.component ?? b.component ?? outer;
    const key = `${b.key}|${h.key}|${side}`;
    const known = memo.get(key);
    if (known) return known;
    if (inProgress.has(key)) return []; // a recursive schema: each pair is compared once
    inProgress.add(key);
    const facts = dedupe(compareResolved(b, h, side, label));
    inProgress.delete(key);
    memo.set(key, facts);
    return facts;
  };

  const sub = (kw: Keyword): Located => ({ node: kw.value, path: kw.path, key: kw.key });

  const compareResolved = (b: SchemaView, h: SchemaView, side: WireSide, label: string): Fact[] => {
    const out: Fact[] = [];
    const emit = (kind: FactKind, path: JsonPath, message: string) => out.push({ kind, side, location: pointerOf(path), message: `${label}${message}` });
    const tightened = (path: JsonPath, message: string) => emit('constraint-tightened', path, message);
    const loosened = (path: JsonPath, message: string) => emit('constraint-loosened', path, message);

    if (b.never || h.never) {
      if (b.never !== h.never) h.never ? tightened(h.path, ': no value is valid any more') : loosened(h.path, ': values are now valid where none were');
      return out;
    }
    if (b.variants || h.variants) {
      out.push(...compareUnions(b, h, side, label));
      return out;
    }

    compareTypes(b, h, emit);

    // Format: a different format is a different kind of value; a few are wider versions of another.
    const bf = b.keywords.get('format');
    const hf = h.keywords.get('format');
    if (bf?.value !== hf?.value) {
      if (bf && hf) {
        const wider = WIDER_FORMAT[String(bf.value)] === hf.value;
        const narrower = WIDER_FORMAT[String(hf.value)] === bf.value;
        if (wider) loosened(hf.path, `: format widened from ${bf.value} to ${hf.value}`);
        else if (narrower) tightened(hf.path, `: format narrowed from ${bf.value} to ${hf.value}`);
        else emit('format-changed', hf.path, `: format changed from ${bf.value} to ${hf.value}`);
      } else if (hf) tightened(hf.path, `: format ${hf.value} was added`);
      else if (bf) loosened(h.path, `: format ${bf.value} was removed`);
    }

    // Values: enum (const is a one-value enum).
    const be = b.keywords.get('enum');
    const he = h.keywords.get('enum');
    if (be && he) {
      const removed = (be.value as unknown[]).filter((v) => !(he.value as unknown[]).some((w) => same(v, w)));
      const added = (he.value as unknown[]).filter((v) => !(be.value as unknown[]).some((w) => same(v, w)));
      if (removed.length > 0) emit('enum-value-removed', he.path, `: enum value${removed.length > 1 ? 's' : ''} ${list(removed)} removed`);
      if (added.length > 0) emit('enum-value-added', he.path, `: enum value${added.length > 1 ? 's' : ''} ${list(added)} added`);
    } else if (he) tightened(he.path, `: values restricted to ${list(he.value)}`);
    else if (be) loosened(h.path, `: the enum ${list(be.value)} was removed`);

    // Bounds.
    compareNumericBound(b, h, 'upper', tightened, loosened);
    compareNumericBound(b, h, 'lower', tightened, loosened);
    for (const [k, kind] of SIZE_BOUNDS) {
      const bv = num(b.keywords.get(k));
      const hv = num(h.keywords.get(k));
      if (bv === hv) continue;
      const hk = h.keywords.get(k);
      const noOp = (v: number | undefined) => v === undefined || (kind === 'lower' && v === 0);
      if (noOp(bv) && noOp(hv)) continue;
      const tighter = kind === 'upper' ? hv !== undefined && (bv === undefined || hv < bv) : hv !== undefined && (bv === undefined || hv > bv);
      if (tighter) tightened(hk!.path, `: ${k} ${bv === undefined ? 'set' : `${kind === 'upper' ? 'lowered' : 'raised'} from ${bv}`} to ${hv}`);
      else loosened(hk?.path ?? h.path, `: ${k} ${hv === undefined ? `${bv} removed` : `${kind === 'upper' ? 'raised' : 'lowered'} from ${bv} to ${hv}`}`);
    }
    const bm = num(b.keywords.get('multipleOf'));
    const hm = num(h.keywords.get('multipleOf'));
    if (bm !== hm) {
      const at = h.keywords.get('multipleOf')?.path ?? h.path;
      if (bm === undefined) tightened(at, `: multipleOf ${hm} was set`);
      else if (hm === undefined) loosened(at, `: multipleOf ${bm} was removed`);
      else if (isMultiple(hm, bm)) tightened(at, `: multipleOf changed from ${bm} to ${hm}`);
      else if (isMultiple(bm, hm)) loosened(at, `: multipleOf changed from ${bm} to ${hm}`);
      else emit('constraint-changed', at, `: multipleOf changed from ${bm} to ${hm}: some values valid before are refused, others are new`);
    }
    const bu = b.keywords.get('uniqueItems')?.value === true;
    const hu = h.keywords.get('uniqueItems')?.value === true;
    if (!bu && hu) tightened(h.keywords.get('uniqueItems')!.path, ': items must now be unique');
    else if (bu && !hu) loosened(h.path, ': items no longer have to be unique');

    comparePatterns(b, h, emit);
    out.push(...compareObjects(b, h, side, label, emit));
    out.push(...compareArrays(b, h, side, label, emit));

    // Subschemas that turn their facts around (not) or make them conditional (if).
    const bNot = b.keywords.get('not');
    const hNot = h.keywords.get('not');
    if (bNot && hNot) out.push(...compare(sub(bNot), sub(hNot), side, `${label} (not)`).map(invertFact));
    else if (hNot) tightened(hNot.path, ': values matching a not schema are now refused');
    else if (bNot) loosened(h.path, ': the not schema was removed');
    const bIf = b.keywords.get('if');
    const hIf = h.keywords.get('if');
    if (bIf && hIf) {
      out.push(...compare(sub(bIf), sub(hIf), side, `${label} (if)`).map(conditionFact));
      out.push(...compareSub(b, h, 'then', side, `${label} (then)`, 'a then schema', emit));
      out.push(...compareSub(b, h, 'else', side, `${label} (else)`, 'an else schema', emit));
    } else if (hIf && (h.keywords.has('then') || h.keywords.has('else'))) tightened(hIf.path, ': a condition (if/then/else) was added');
    else if (bIf && (b.keywords.has('then') || b.keywords.has('else'))) loosened(h.path, ': the condition (if/then/else) was removed');

    // What string values mean.
    const bEnc = b.keywords.get('contentEncoding')?.value;
    const hEnc = h.keywords.get('contentEncoding')?.value;
    if (!same(bEnc, hEnc))
      emit(
        'content-encoding-changed',
        h.keywords.get('contentEncoding')?.path ?? h.path,
        `: contentEncoding changed from ${bEnc ?? 'none'} to ${hEnc ?? 'none'}`,
      );
    const bMedia = b.keywords.get('contentMediaType')?.value;
    const hMedia = h.keywords.get('contentMediaType')?.value;
    if (!same(bMedia, hMedia))
      emit(
        'content-media-type-changed',
        h.keywords.get('contentMediaType')?.path ?? h.path,
        `: contentMediaType changed from ${bMedia ?? 'none'} to ${hMedia ?? 'none'}`,
      );
    out.push(...compareSub(b, h, 'contentSchema', side, `${label} (content)`, 'a contentSchema', emit));

    // Defaults: what the server assumes when a value is left out.
    const bd = b.keywords.get('default');
    const hd = h.keywords.get('default');
    if (bd && hd && !same(bd.value, hd.value))
      emit('default-changed', hd.path, `: default changed from ${JSON.stringify(bd.value)} to ${JSON.stringify(hd.value)}`);
    else if (!bd && hd) emit('default-added', hd.path, `: default ${JSON.stringify(hd.value)} was added`);
    else if (bd && !hd) emit('default-removed', h.path, `: default ${JSON.stringify(bd.value)} was removed`);

    out.push(...compareDiscriminator(b, h, side, label, emit));
    docFacts(b, h, emit);

    // allOf parts that could not be merged: compared part by part.
    const bRest = new Map(b.rest.map((l) => [bViews.keyOf(l), l]));
    const hRest = new Map(h.rest.map((l) => [hViews.keyOf(l), l]));
    for (const [k, l] of hRest) {
      const old = bRest.get(k);
      if (old) out.push(...compare(old, l, side, label));
      else tightened(l.path, ': an allOf part was added');
    }
    for (const [k, l] of bRest) if (!hRest.has(k)) loosened(h.path, `: the allOf part at ${pointerOf(l.path)} was removed`);

    for (const k of new Set([...b.keywords.keys(), ...h.keywords.keys()])) {
      if (HANDLED.has(k)) continue;
      const bv = b.keywords.get(k);
      const hv = h.keywords.get(k);
      if (!same(bv?.value, hv?.value))
        emit('schema-changed', hv?.path ?? h.path, `: ${k === '$value' ? 'the schema' : k} changed in a way this tool cannot classify; review it by hand`);
    }
    return out;
  };

  /** A subschema keyword present on either side: compared when on both, a constraint when on one. */
  const compareSub = (b: SchemaView, h: SchemaView, k: string, side: WireSide, label: string, what: string, emit: Emit): Fact[] => {
    const bk = b.keywords.get(k);
    const hk = h.keywords.get(k);
    if (bk && hk) return compare(sub(bk), sub(hk), side, label);
    if (hk && hk.value !== true && !isEmptySchema(hk.value)) emit('constraint-tightened', hk.path, `: ${what} was added (${k})`);
    else if (bk && bk.value !== true && !isEmptySchema(bk.value)) emit('constraint-loosened', h.path, `: ${what} was removed (${k})`);
    return [];
  };

  const visibleProperties = (v: SchemaView, views: SchemaViews, side: WireSide): { props: Map<string, Located>; hidden: Set<string> } => {
    const props = new Map<string, Located>();
    const hidden = new Set<string>();
    const flag = side === 'request' ? 'readOnly' : 'writeOnly';
    for (const [name, loc] of v.properties) {
      if (views.of(loc).keywords.get(flag)?.value === true) hidden.add(name);
      else props.set(name, loc);
    }
    return { props, hidden };
  };

  const compareObjects = (b: SchemaView, h: SchemaView, side: WireSide, label: string, emit: Emit): Fact[] => {
    const out: Fact[] = [];
    const request = side === 'request';
    const { props: bp, hidden: bHidden } = visibleProperties(b, bViews, side);
    const { props: hp, hidden: hHidden } = visibleProperties(h, hViews, side);
    const bReq = new Set([...b.required.keys()].filter((n) => !bHidden.has(n)));
    const hReq = new Set([...h.required.keys()].filter((n) => !hHidden.has(n)));
    const bClosed = closedAt(b);
    const hClosed = closedAt(h);
    const access = request ? 'readOnly' : 'writeOnly';

    for (const [name, loc] of bp) {
      if (hp.has(name)) continue;
      const why = hHidden.has(name) ? ` is now ${access}` : ' was removed';
      if (request) emit(hClosed ? 'property-removed-from-closed-schema' : 'property-removed', loc.path, `.${name}${why}`);
      else emit(bReq.has(name) ? 'property-removed' : 'optional-property-removed', loc.path, `.${name}${why}`);
    }
    for (const [name, loc] of hp) {
      const old = bp.get(name);
      if (!old) {
        const why = bHidden.has(name) ? ` is no longer ${access}` : ' was added';
        if (request && hReq.has(name)) emit('property-added-required', loc.path, `.${name}${why} as required`);
        else if (!request && bClosed) emit('property-added-to-closed-schema', loc.path, `.${name}${why}`);
        else emit('property-added', loc.path, `.${name}${why}`);
        continue;
      }
      if (!bReq.has(name) && hReq.has(name)) emit('property-made-required', loc.path, `.${name} is now required`);
      else if (bReq.has(name) && !hReq.has(name)) emit('property-made-optional', loc.path, `.${name} is no longer required`);
      out.push(...compare(old, loc, side, `${label}.${name}`));
    }
    // Required names without a property definition (or whose definition stayed put).
    for (const name of hReq)
      if (!bReq.has(name) && !hp.has(name) && !bHidden.has(name)) emit('property-made-required', h.required.get(name)!, `.${name} is now required`);
    for (const name of bReq)
      if (!hReq.has(name) && !bp.has(name) && !hHidden.has(name)) emit('property-made-optional', h.path, `.${name} is no longer required`);

    if (!bClosed && hClosed) emit('schema-closed', hClosed, ': properties not listed are no longer allowed');
    else if (bClosed && !hClosed) emit('schema-opened', h.path, ': properties not listed are now allowed');
    for (const k of ['additionalProperties', 'unevaluatedProperties']) {
      if (b.keywords.get(k)?.value === false || h.keywords.get(k)?.value === false) continue;
      out.push(...compareSub(b, h, k, side, `${label}.*`, 'a schema for properties not listed', emit));
    }
    out.push(
      ...compareSchemaMap(
        b,
        h,
        'patternProperties',
        side,
        label,
        (p) => `./${p}/`,
        (p) => `properties matching /${p}/ must match a schema`,
        emit,
      ),
    );
    out.push(
      ...compareSchemaMap(
        b,
        h,
        'dependentSchemas',
        side,
        label,
        (p) => ` (when ${p} is present)`,
        (p) => `a schema applies when ${p} is present`,
        emit,
      ),
    );
    out.push(...compareSub(b, h, 'propertyNames', side, `${label} (property names)`, 'a schema for property names', emit));

    const bDep = b.keywords.get('dependentRequired')?.value ?? {};
    const hDep = h.keywords.get('dependentRequired')?.value ?? {};
    for (const name of new Set([...Object.keys(bDep), ...Object.keys(hDep)])) {
      const bl: string[] = Array.isArray(bDep[name]) ? bDep[name] : [];
      const hl: string[] = Array.isArray(hDep[name]) ? hDep[name] : [];
      const added = hl.filter((n) => !bl.includes(n));
      const removed = bl.filter((n) => !hl.includes(n));
      const at = h.keywords.get('dependentRequired')?.path ?? h.path;
      if (added.length > 0)
        emit('constraint-tightened', [...at, name], `: when ${name} is present, ${added.join(', ')} ${added.length > 1 ? 'are' : 'is'} now required too`);
      if (removed.length > 0)
        emit('constraint-loosened', at, `: when ${name} is present, ${removed.join(', ')} ${removed.length > 1 ? 'are' : 'is'} no longer required`);
    }
    return out;
  };

  const compareSchemaMap = (
    b: SchemaView,
    h: SchemaView,
    k: string,
    side: WireSide,
    label: string,
    suffix: (p: string) => string,
    what: (p: string) => string,
    emit: Emit,
  ): Fact[] => {
    const out: Fact[] = [];
    const bk = b.keywords.get(k);
    const hk = h.keywords.get(k);
    const bm: Record<string, unknown> = bk?.value && typeof bk.value === 'object' ? bk.value : {};
    const hm: Record<string, unknown> = hk?.value && typeof hk.value === 'object' ? hk.value : {};
    for (const [p, schema] of Object.entries(hm)) {
      const at = [...hk!.path, p];
      if (p in bm)
        out.push(
          ...compare(
            { node: bm[p], path: [...bk!.path, p], key: bk!.key && `${bk!.key}/${p}` },
            { node: schema, path: at, key: hk!.key && `${hk!.key}/${p}` },
            side,
            `${label}${suffix(p)}`,
          ),
        );
      else if (schema !== true && !isEmptySchema(schema)) emit('constraint-tightened', at, `: ${what(p)} now (${k})`);
    }
    for (const [p, schema] of Object.entries(bm))
      if (!(p in hm) && schema !== true && !isEmptySchema(schema)) emit('constraint-loosened', h.path, `: ${what(p)} no longer (${k})`);
    return out;
  };

  const compareArrays = (b: SchemaView, h: SchemaView, side: WireSide, label: string, emit: Emit): Fact[] => {
    const out: Fact[] = [];
    out.push(...compareSub(b, h, 'items', side, `${label}[]`, 'a schema for items', emit));
    out.push(...compareSub(b, h, 'unevaluatedItems', side, `${label}[]`, 'a schema for unevaluated items', emit));
    const bl: unknown[] = Array.isArray(b.prefixItems?.value) ? b.prefixItems!.value : [];
    const hl: unknown[] = Array.isArray(h.prefixItems?.value) ? h.prefixItems!.value : [];
    // A position beyond one side's prefixItems is governed by that side's items: compare against that.
    const bItems = b.keywords.get('items');
    const hItems = h.keywords.get('items');
    for (let i = 0; i < Math.max(bl.length, hl.length); i++) {
      const at = `${label}[${i}]`;
      if (i < bl.length && i < hl.length)
        out.push(...compare({ node: bl[i], path: [...b.prefixItems!.path, i] }, { node: hl[i], path: [...h.prefixItems!.path, i] }, side, at));
      else if (i < hl.length) {
        if (bItems) out.push(...compare(sub(bItems), { node: hl[i], path: [...h.prefixItems!.path, i] }, side, at));
        else if (hl[i] !== true && !isEmptySchema(hl[i]))
          emit('constraint-tightened', [...h.prefixItems!.path, i], `[${i}]: item ${i} must now match a schema (prefixItems)`);
      } else if (hItems) out.push(...compare({ node: bl[i], path: [...b.prefixItems!.path, i] }, sub(hItems), side, at));
      else if (bl[i] !== true && !isEmptySchema(bl[i]))
        emit('constraint-loosened', h.prefixItems?.path ?? h.path, `[${i}]: item ${i} no longer has a schema of its own (prefixItems)`);
    }
    out.push(...compareSub(b, h, 'contains', side, `${label} (contains)`, 'a contains schema', emit));
    return out;
  };

  const compareDiscriminator = (b: SchemaView, h: SchemaView, side: WireSide, label: string, emit: Emit): Fact[] => {
    const out: Fact[] = [];
    const bd = b.keywords.get('discriminator');
    const hd = h.keywords.get('discriminator');
    if (!bd && !hd) return out;
    const bName = bd?.value?.propertyName;
    const hName = hd?.value?.propertyName;
    if (bName !== hName) {
      emit('discriminator-changed', hd?.path ?? h.path, `: the discriminator property changed from ${bName ?? 'none'} to ${hName ?? 'none'}`);
      return out;
    }
    const bMap: Record<string, string> = bd?.value?.mapping && typeof bd.value.mapping === 'object' ? bd.value.mapping : {};
    const hMap: Record<string, string> = hd?.value?.mapping && typeof hd.value.mapping === 'object' ? hd.value.mapping : {};
    for (const [value, target] of Object.entries(hMap)) {
      if (!(value in bMap)) emit('discriminator-value-added', [...hd!.path, 'mapping', value], `: discriminator value ${JSON.stringify(value)} added`);
      else if (bMap[value] !== target) {
        const ref = (t: string) => ({ node: { $ref: t.startsWith('#') ? t : `#/components/schemas/${t}` }, path: [...hd!.path, 'mapping', value] });
        out.push(...compare({ ...ref(bMap[value]), path: [...bd!.path, 'mapping', value] }, ref(target), side, `${label} (${value})`));
      }
    }
    for (const value of Object.keys(bMap))
      if (!(value in hMap)) emit('discriminator-value-removed', hd?.path ?? h.path, `: discriminator value ${JSON.stringify(value)} removed`);
    return out;
  };

  /** oneOf/anyOf on either side: each variant (with the schema's own keywords) paired with its counterpart. */
  const compareUnions = (b: SchemaView, h: SchemaView, side: WireSide, label: string): Fact[] => {
    const out: Fact[] = [];
    const emit: Emit = (kind, path, message) => out.push({ kind, side, location: pointerOf(path), message: `${label}${message}` });
    const members = (v: SchemaView, views: SchemaViews) =>
      v.variants
        ? v.variants.members.map((loc) => ({ loc, view: views.withPart(v, loc), part: views.of(loc), key: views.keyOf(loc) }))
        : [{ loc: { node: null, path: v.path } as Located, view: v, part: v, key: v.key }];
    const bm = members(b, bViews);
    const hm = members(h, hViews);
    const bk = b.variants?.keyword;
    const hk = h.variants?.keyword;
    if (bk && hk && bk !== hk) {
      if (hk === 'anyOf') emit('constraint-loosened', h.variants!.path, ': oneOf became anyOf: a value may now match several variants');
      else emit('constraint-tightened', h.variants!.path, ': anyOf became oneOf: a value matching several variants is now refused');
    }
    const { pairs, removed, added } = pairVariants(bm, hm, hViews);
    for (const [i, j] of pairs) out.push(...compareViews(bm[i].view, hm[j].view, side, label));
    const kw = hk ?? bk ?? 'oneOf';
    const name = (m: { part: SchemaView; loc: Located }) => m.part.component ?? pointerOf(m.loc.path);
    for (const i of removed) emit('variant-removed', bm[i].loc.path, `: the ${bk ?? kw} variant ${name(bm[i])} was removed`);
    const kept = pairs.map(([, j]) => hm[j].view);
    const discriminated = h.keywords.has('discriminator');
    for (const j of added) {
      const overlapping = side === 'request' && hk === 'oneOf' && !discriminated && kept.some((k) => mayOverlap(k, hm[j].view, hViews));
      emit(
        overlapping ? 'overlapping-variant-added' : 'variant-added',
        hm[j].loc.path,
        `: the ${kw} variant ${name(hm[j])} was added${overlapping ? '; a value valid before may match it too, and oneOf refuses a value that matches two variants' : ''}`,
      );
    }
    out.push(...compareDiscriminator(b, h, side, label, emit));
    return out;
  };

  return { compare, views: { base: bViews, head: hViews } };
}

type Emit = (kind: FactKind, path: JsonPath, message: string) => void;

/** Formats whose values include every value of another (int32 ⊂ int64, float ⊂ double). */
const WIDER_FORMAT: Record<string, string> = { int32: 'int64', float: 'double' };

function compareTypes(b: SchemaView, h: SchemaView, emit: Emit): void {
  const bt = b.types;
  const ht = h.types;
  if (!bt && !ht) return;
  const names = (s: Set<string>) =>
    [...s]
      .filter((t) => t !== 'null')
      .sort()
      .join('|') || 'null';
  if (!bt) {
    emit('type-narrowed', h.typePath, `: type restricted to ${names(ht!)}${ht!.has('null') ? ' or null' : ''}`);
    return;
  }
  if (!ht) {
    emit('type-widened', h.path, `: the type restriction ${names(bt)} was removed`);
    return;
  }
  const accepts = (set: Set<string>, t: string) => set.has(t) || (t === 'integer' && set.has('number'));
  const core = (s: Set<string>) => [...s].filter((t) => t !== 'null');
  const widened = core(ht).some((t) => !accepts(bt, t));
  const narrowed = core(bt).some((t) => !accepts(ht, t));
  if (widened && narrowed) emit('type-changed', h.typePath, `: type changed from ${names(bt)} to ${names(ht)}`);
  else if (widened) emit('type-widened', h.typePath, `: type widened from ${names(bt)} to ${names(ht)}`);
  else if (narrowed) emit('type-narrowed', h.typePath, `: type narrowed from ${names(bt)} to ${names(ht)}`);
  if (!bt.has('null') && ht.has('null')) emit('made-nullable', h.typePath, ' can now be null');
  else if (bt.has('null') && !ht.has('null')) emit('made-non-nullable', h.typePath, ' can no longer be null');
}

interface Bound {
  value: number;
  exclusive: boolean;
  keyword: string;
  path: JsonPath;
}

/** The effective numeric bound, with 3.0's boolean exclusiveMaximum/Minimum and 3.1's numeric ones. */
function numericBound(v: SchemaView, which: 'upper' | 'lower'): Bound | undefined {
  const [inclusive, exclusive] = which === 'upper' ? ['maximum', 'exclusiveMaximum'] : ['minimum', 'exclusiveMinimum'];
  const candidates: Bound[] = [];
  const inc = v.keywords.get(inclusive);
  if (typeof inc?.value === 'number')
    candidates.push({ value: inc.value, exclusive: v.keywords.get(`${exclusive}Flag`)?.value === true, keyword: inclusive, path: inc.path });
  const exc = v.keywords.get(exclusive);
  if (typeof exc?.value === 'number') candidates.push({ value: exc.value, exclusive: true, keyword: exclusive, path: exc.path });
  if (candidates.length === 0) return undefined;
  return candidates.reduce((best, c) => (tighterThan(c, best, which) ? c : best));
}

function tighterThan(a: Bound, b: Bound, which: 'upper' | 'lower'): boolean {
  if (a.value !== b.value) return which === 'upper' ? a.value < b.value : a.value > b.value;
  return a.exclusive && !b.exclusive;
}

function compareNumericBound(
  b: SchemaView,
  h: SchemaView,
  which: 'upper' | 'lower',
  tightened: (p: JsonPath, m: string) => void,
  loosened: (p: JsonPath, m: string) => void,
): void {
  const bb = numericBound(b, which);
  const hb = numericBound(h, which);
  const show = (x: Bound) => `${x.keyword} ${x.value}`;
  if (!bb && !hb) return;
  if (!bb) tightened(hb!.path, `: ${show(hb!)} was set`);
  else if (!hb) loosened(h.path, `: ${show(bb)} was removed`);
  else if (tighterThan(hb, bb, which)) tightened(hb.path, `: ${show(bb)} became ${show(hb)}`);
  else if (tighterThan(bb, hb, which)) loosened(hb.path, `: ${show(bb)} became ${show(hb)}`);
}

function comparePatterns(b: SchemaView, h: SchemaView, emit: Emit): void {
  const bp = b.patterns.filter((p) => !matchesAnything(p.value));
  const hp = h.patterns.filter((p) => !matchesAnything(p.value));
  const removed = bp.filter((p) => !hp.some((q) => q.value === p.value));
  const added = hp.filter((p) => !bp.some((q) => q.value === p.value));
  if (removed.length === 0 && added.length === 0) {
    if (b.patterns.length !== h.patterns.length) emit('description-changed', h.path, ': a pattern that matches anything was added or removed');
    return;
  }
  if (removed.length > 0 && added.length > 0) {
    // Neither tighter nor looser in general: values may pass one pattern and fail the other.
    emit('pattern-changed', added[0].path, `: pattern changed from ${removed.map((p) => p.value).join(', ')} to ${added.map((p) => p.value).join(', ')}`);
    return;
  }
  for (const p of added) emit('constraint-tightened', p.path, `: pattern ${p.value} was added`);
  for (const p of removed) {
    const replaced = h.patterns.find((q) => matchesAnything(q.value));
    emit(
      'constraint-loosened',
      replaced?.path ?? h.path,
      `: pattern ${p.value} was ${replaced ? `widened to ${replaced.value}, which matches anything` : 'removed'}`,
    );
  }
}

function matchesAnything(pattern: unknown): boolean {
  if (typeof pattern !== 'string') return false;
  try {
    const re = new RegExp(pattern, 'u');
    return PROBES.every((s) => re.test(s));
  } catch {
    return false;
  }
}

function docFacts(b: SchemaView, h: SchemaView, emit: Emit): void {
  const text = (v: SchemaView) => ['description', 'title', 'externalDocs', '$comment'].map((k) => JSON.stringify(v.keywords.get(k)?.value)).join();
  if (text(b) !== text(h)) emit('description-changed', h.path, ': description changed');
  const examples = (v: SchemaView) => JSON.stringify([v.keywords.get('example')?.value, v.keywords.get('examples')?.value]);
  if (examples(b) !== examples(h)) emit('example-changed', h.path, ': example changed');
  const deprecated = (v: SchemaView) => v.keywords.get('deprecated')?.value === true;
  if (!deprecated(b) && deprecated(h)) emit('schema-deprecated', h.keywords.get('deprecated')!.path, ' is now deprecated');
  else if (deprecated(b) && !deprecated(h)) emit('description-changed', h.path, ' is no longer deprecated');
  for (const k of ['readOnly', 'writeOnly']) {
    const bv = b.keywords.get(k)?.value === true;
    const hv = h.keywords.get(k)?.value === true;
    if (bv !== hv) emit('access-mode-changed', h.keywords.get(k)?.path ?? h.path, `: ${k} ${hv ? 'set' : 'removed'}`);
  }
  if (!same(b.keywords.get('xml')?.value, h.keywords.get('xml')?.value))
    emit('xml-changed', h.keywords.get('xml')?.path ?? h.path, ': the XML representation (xml) changed');
}

/** Where a schema refuses properties it does not list, or undefined when it is open. */
function closedAt(v: SchemaView): JsonPath | undefined {
  for (const k of ['additionalProperties', 'unevaluatedProperties']) {
    const kw = v.keywords.get(k);
    if (kw?.value === false) return kw.path;
  }
  return undefined;
}

interface Member {
  loc: Located;
  view: SchemaView;
  part: SchemaView;
  key: string;
}

/** Variants paired by identity ($ref), then by likeness (types, shared properties, names); the rest are added or removed. */
function pairVariants(base: Member[], head: Member[], views: SchemaViews): { pairs: Array<[number, number]>; removed: number[]; added: number[] } {
  const pairs: Array<[number, number]> = [];
  const usedB = new Set<number>();
  const usedH = new Set<number>();
  base.forEach((b, i) => {
    const j = head.findIndex((h, k) => !usedH.has(k) && h.key === b.key);
    if (j !== -1) {
      pairs.push([i, j]);
      usedB.add(i);
      usedH.add(j);
    }
  });
  const candidates: Array<[number, number, number]> = [];
  base.forEach((b, i) => {
    if (usedB.has(i)) return;
    head.forEach((h, j) => {
      if (usedH.has(j)) return;
      const score = likeness(b.view, h.view, views);
      if (score > 0) candidates.push([score, i, j]);
    });
  });
  candidates.sort((x, y) => y[0] - x[0] || x[1] - y[1] || x[2] - y[2]);
  for (const [, i, j] of candidates) {
    if (usedB.has(i) || usedH.has(j)) continue;
    pairs.push([i, j]);
    usedB.add(i);
    usedH.add(j);
  }
  return { pairs, removed: base.map((_, i) => i).filter((i) => !usedB.has(i)), added: head.map((_, j) => j).filter((j) => !usedH.has(j)) };
}

function likeness(a: SchemaView, b: SchemaView, views: SchemaViews): number {
  // Variants no value can match both of (disjoint types, a discriminating const) are not one variant changed.
  if (!mayOverlap(a, b, views)) return 0;
  const shared = [...a.properties.keys()].filter((n) => b.properties.has(n)).length;
  const sameName = a.component !== undefined && a.component === b.component;
  const differentNames = a.component !== undefined && b.component !== undefined && a.component !== b.component;
  if (differentNames && shared === 0) return 0;
  return 1 + (a.types && b.types && [...a.types].sort().join() === [...b.types].sort().join() ? 2 : 0) + shared * 2 + (sameName ? 5 : 0);
}

function typesDisjoint(a: Set<string>, b: Set<string>): boolean {
  for (const t of a) if (b.has(t) || (t === 'integer' && b.has('number')) || (t === 'number' && b.has('integer'))) return false;
  return true;
}

/** Could one value be valid under both variants? Only a clear "no" counts (disjoint types, values or required properties). */
function mayOverlap(a: SchemaView, b: SchemaView, views: SchemaViews): boolean {
  if (a.never || b.never) return false;
  if (a.types && b.types && typesDisjoint(a.types, b.types)) return false;
  const ae = a.keywords.get('enum')?.value;
  const be = b.keywords.get('enum')?.value;
  if (Array.isArray(ae) && Array.isArray(be) && !ae.some((v) => be.some((w) => same(v, w)))) return false;
  for (const [name, loc] of a.properties) {
    const other = b.properties.get(name);
    if (!other) continue;
    const x = views.of(loc).keywords.get('enum')?.value;
    const y = views.of(other).keywords.get('enum')?.value;
    if (Array.isArray(x) && Array.isArray(y) && a.required.has(name) && b.required.has(name) && !x.some((v) => y.some((w) => same(v, w)))) return false;
  }
  const forbids = (v: SchemaView, name: string) => closedAt(v) !== undefined && !v.properties.has(name);
  for (const name of a.required.keys()) if (forbids(b, name)) return false;
  for (const name of b.required.keys()) if (forbids(a, name)) return false;
  return true;
}

function num(kw: Keyword | undefined): number | undefined {
  return typeof kw?.value === 'number' ? kw.value : undefined;
}

function isMultiple(of: number, base: number): boolean {
  const ratio = of / base;
  return Math.abs(ratio - Math.round(ratio)) < 1e-9;
}

function isEmptySchema(v: unknown): boolean {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).filter((k) => !k.startsWith('x-')).length === 0;
}

function list(values: unknown): string {
  return (Array.isArray(values) ? values : [values]).map((v) => JSON.stringify(v)).join(', ');
}

function dedupe(facts: Fact[]): Fact[] {
  const seen = new Set<string>();
  return facts.filter((f) => {
    const key = `${f.kind}|${f.location}|${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

import type { RawChange } from './change.ts';
import { isObject, pointerOf, resolveAt, type JsonPath, type Located, type Side } from './sides.ts';

/**
 * Compares two schemas in a direction: `request` is what the server must keep accepting (old clients
 * still send the old shape), `response` what old clients must keep understanding. The same change is
 * breaking in one direction and harmless in the other: a new enum value is fine to accept, but a
 * client that switches over the old values crashes on it.
 */
export type Direction = 'request' | 'response';

export interface SchemaComparer {
  compare(base: Located, head: Located, direction: Direction, label: string): RawChange[];
}

const HANDLED = new Set([
  'type', 'nullable', 'format', 'enum', 'const', 'properties', 'required', 'additionalProperties', 'items', 'prefixItems',
  'allOf', 'oneOf', 'anyOf', 'description', 'title', 'example', 'examples', 'maximum', 'exclusiveMaximum', 'maxLength',
  'maxItems', 'maxProperties', 'minimum', 'exclusiveMinimum', 'minLength', 'minItems', 'minProperties', 'pattern',
  'uniqueItems', 'multipleOf', 'deprecated', 'readOnly', 'writeOnly', 'default', 'discriminator', 'externalDocs', 'xml', '$ref',
]);
const UPPER_BOUNDS = ['maximum', 'exclusiveMaximum', 'maxLength', 'maxItems', 'maxProperties'];
const LOWER_BOUNDS = ['minimum', 'exclusiveMinimum', 'minLength', 'minItems', 'minProperties'];

export function schemaComparer(base: Side, head: Side): SchemaComparer {
  // Results of component pairs, so a shared schema is compared once however many operations use it.
  const memo = new Map<string, RawChange[]>();
  const inProgress = new Set<string>();

  const compare = (b0: Located, h0: Located, direction: Direction, label: string): RawChange[] => {
    const b = resolveAt(base, b0.node, b0.path);
    const h = resolveAt(head, h0.node, h0.path);
    if (b.component !== undefined || h.component !== undefined) {
      const key = `${pointerOf(b.path)}|${pointerOf(h.path)}|${direction}`;
      const known = memo.get(key);
      if (known) return known;
      if (inProgress.has(key)) return []; // a recursive schema: the cycle is compared once
      inProgress.add(key);
      const result = compareResolved(b, h, direction, h.component ?? b.component ?? label);
      inProgress.delete(key);
      memo.set(key, result);
      return result;
    }
    return compareResolved(b, h, direction, label);
  };

  const compareResolved = (b: Located, h: Located, direction: Direction, label: string): RawChange[] => {
    const out: RawChange[] = [];
    const at = (path: JsonPath) => pointerOf(path);
    const bs = b.node;
    const hs = h.node;
    if (!isObject(bs) || !isObject(hs)) {
      if (JSON.stringify(bs) !== JSON.stringify(hs)) out.push({ id: 'schema-changed', level: 'warning', message: `${label}: the schema changed from ${JSON.stringify(bs)?.slice(0, 40)} to ${JSON.stringify(hs)?.slice(0, 40)}`, location: at(h.path) });
      return out;
    }
    const isRequest = direction === 'request';
    const loosenedLevel = isRequest ? 'info' : 'breaking';
    const tightenedLevel = isRequest ? 'breaking' : 'info';
    const tightened = (what: string, path: JsonPath) =>
      out.push({ id: isRequest ? 'request-constraint-tightened' : 'response-constraint-tightened', level: tightenedLevel, message: `${label}: ${what}${isRequest ? ': requests valid before may now be refused' : ''}`, location: at(path) });
    const loosened = (what: string, path: JsonPath) =>
      out.push({ id: isRequest ? 'request-constraint-loosened' : 'response-constraint-loosened', level: loosenedLevel, message: `${label}: ${what}${isRequest ? '' : ': responses may now hold values old clients reject'}`, location: at(path) });

    // Types, with 3.0 `nullable` read as a "null" type.
    const bt = typeSet(bs);
    const ht = typeSet(hs);
    const bCore = [...bt].filter((t) => t !== 'null').sort();
    const hCore = [...ht].filter((t) => t !== 'null').sort();
    if (bCore.length > 0 && hCore.length > 0 && bCore.join() !== hCore.join()) {
      const widened = bCore.join() === 'integer' && hCore.join() === 'number';
      const narrowed = bCore.join() === 'number' && hCore.join() === 'integer';
      const level = widened ? (isRequest ? 'info' : 'breaking') : narrowed ? (isRequest ? 'breaking' : 'info') : 'breaking';
      out.push({ id: 'type-changed', level, message: `${label}: type changed from ${bCore.join('|')} to ${hCore.join('|')}`, location: at([...h.path, 'type']) });
    } else if (bCore.length === 0 && hCore.length > 0 && Object.keys(bs).length > 0) {
      tightened(`type ${hCore.join('|')} was added`, [...h.path, 'type']);
    } else if (bCore.length > 0 && hCore.length === 0 && !hasComposition(hs)) {
      loosened(`type ${bCore.join('|')} was removed`, h.path);
    }
    if (!bt.has('null') && ht.has('null') && bt.size > 0) {
      out.push({ id: isRequest ? 'request-made-nullable' : 'response-made-nullable', level: isRequest ? 'info' : 'breaking', message: `${label} can now be null${isRequest ? '' : ': old clients do not expect null'}`, location: at(h.path) });
    } else if (bt.has('null') && !ht.has('null') && ht.size > 0) {
      out.push({ id: isRequest ? 'request-made-non-nullable' : 'response-made-non-nullable', level: isRequest ? 'breaking' : 'info', message: `${label} can no longer be null${isRequest ? ': clients sending null are refused' : ''}`, location: at(h.path) });
    }

    // Format: a different format is a different type of value; adding one narrows, removing one widens.
    if (bs.format !== hs.format) {
      if (bs.format !== undefined && hs.format !== undefined) out.push({ id: 'format-changed', level: 'breaking', message: `${label}: format changed from ${bs.format} to ${hs.format}`, location: at([...h.path, 'format']) });
      else if (hs.format !== undefined) tightened(`format ${hs.format} was added`, [...h.path, 'format']);
      else loosened(`format ${bs.format} was removed`, h.path);
    }

    // Enums (const is a one-value enum).
    const be = enumOf(bs);
    const he = enumOf(hs);
    if (be && he) {
      const removed = be.filter((v) => !he.some((w) => same(v, w)));
      const added = he.filter((v) => !be.some((w) => same(v, w)));
      if (removed.length > 0) {
        out.push({ id: isRequest ? 'request-enum-value-removed' : 'response-enum-value-removed', level: isRequest ? 'breaking' : 'info', message: `${label}: enum value${removed.length > 1 ? 's' : ''} ${removed.map((v) => JSON.stringify(v)).join(', ')} removed${isRequest ? `: clients still send ${removed.length > 1 ? 'them' : 'it'}` : ''}`, location: at(h.path) });
      }
      if (added.length > 0) {
        out.push({ id: isRequest ? 'request-enum-value-added' : 'response-enum-value-added', level: isRequest ? 'info' : 'breaking', message: `${label}: enum value${added.length > 1 ? 's' : ''} ${added.map((v) => JSON.stringify(v)).join(', ')} added${isRequest ? '' : `: old clients do not know ${added.length > 1 ? 'them' : 'it'}`}`, location: at(h.path) });
      }
    } else if (!be && he) {
      tightened(`values restricted to ${he.map((v) => JSON.stringify(v)).join(', ')}`, h.path);
    } else if (be && !he) {
      loosened('the enum was removed', h.path);
    }

    // Numeric and size bounds, pattern, uniqueness.
    for (const k of UPPER_BOUNDS) {
      const bv = bound(bs, k);
      const hv = bound(hs, k);
      if (bv === hv) continue;
      if (hv !== undefined && (bv === undefined || hv < bv)) tightened(`${k} ${bv === undefined ? 'added' : `lowered from ${bv}`} to ${hv}`, [...h.path, k]);
      else loosened(`${k} ${hv === undefined ? `${bv} removed` : `raised from ${bv} to ${hv}`}`, hv === undefined ? h.path : [...h.path, k]);
    }
    for (const k of LOWER_BOUNDS) {
      const bv = bound(bs, k);
      const hv = bound(hs, k);
      if (bv === hv) continue;
      if (hv !== undefined && (bv === undefined ? hv > 0 || k.endsWith('imum') : hv > bv)) tightened(`${k} ${bv === undefined ? 'added' : `raised from ${bv}`} to ${hv}`, [...h.path, k]);
      else if (!(bv === undefined && hv === 0)) loosened(`${k} ${hv === undefined ? `${bv} removed` : `lowered from ${bv} to ${hv}`}`, hv === undefined ? h.path : [...h.path, k]);
    }
    if (bs.pattern !== hs.pattern) {
      if (hs.pattern !== undefined && bs.pattern !== undefined) {
        // Neither tighter nor looser in general: values may pass one and fail the other.
        out.push({ id: 'pattern-changed', level: 'breaking', message: `${label}: pattern changed from ${bs.pattern} to ${hs.pattern}`, location: at([...h.path, 'pattern']) });
      } else if (hs.pattern !== undefined) tightened(`pattern ${hs.pattern} added`, [...h.path, 'pattern']);
      else loosened(`pattern ${bs.pattern} removed`, h.path);
    }
    if (!bs.uniqueItems && hs.uniqueItems) tightened('items must now be unique', [...h.path, 'uniqueItems']);
    else if (bs.uniqueItems && !hs.uniqueItems) loosened('items no longer have to be unique', h.path);
    if (bs.multipleOf !== hs.multipleOf) {
      if (hs.multipleOf !== undefined) tightened(`multipleOf changed to ${hs.multipleOf}`, [...h.path, 'multipleOf']);
      else loosened('multipleOf removed', h.path);
    }

    // Object members.
    const bp = isObject(bs.properties) ? bs.properties : {};
    const hp = isObject(hs.properties) ? hs.properties : {};
    const breq = new Set<string>(Array.isArray(bs.required) ? bs.required : []);
    const hreq = new Set<string>(Array.isArray(hs.required) ? hs.required : []);
    for (const name of Object.keys(bp)) {
      if (name in hp) continue;
      if (isRequest) out.push({ id: 'request-property-removed', level: 'warning', message: `${label}.${name} was removed from the request: old clients still send it`, location: at([...b.path, 'properties', name]) });
      else out.push({ id: 'response-property-removed', level: 'breaking', message: `${label}.${name} was removed from the response: old clients still read it`, location: at([...b.path, 'properties', name]) });
    }
    for (const [name, child] of Object.entries(hp)) {
      const childPath = [...h.path, 'properties', name];
      if (!(name in bp)) {
        if (isRequest && hreq.has(name)) out.push({ id: 'request-property-added-required', level: 'breaking', message: `${label}.${name} was added as required: old clients do not send it`, location: at(childPath) });
        else out.push({ id: isRequest ? 'request-property-added' : 'response-property-added', level: 'info', message: `${label}.${name} was added`, location: at(childPath) });
        continue;
      }
      if (!breq.has(name) && hreq.has(name)) {
        out.push({ id: isRequest ? 'request-property-made-required' : 'response-property-made-required', level: isRequest ? 'breaking' : 'info', message: `${label}.${name} is now required${isRequest ? ': old clients may not send it' : ''}`, location: at(childPath) });
      } else if (breq.has(name) && !hreq.has(name)) {
        out.push({ id: isRequest ? 'request-property-made-optional' : 'response-property-made-optional', level: isRequest ? 'info' : 'breaking', message: `${label}.${name} is no longer required${isRequest ? '' : ': old clients expect it in every response'}`, location: at(childPath) });
      }
      out.push(...compare({ node: bp[name], path: [...b.path, 'properties', name] }, { node: child, path: childPath }, direction, `${label}.${name}`));
    }
    const bap = bs.additionalProperties;
    const hap = hs.additionalProperties;
    if (isObject(bap) && isObject(hap)) out.push(...compare({ node: bap, path: [...b.path, 'additionalProperties'] }, { node: hap, path: [...h.path, 'additionalProperties'] }, direction, `${label}[*]`));
    else if (bap !== false && hap === false) tightened('additional properties are no longer allowed', [...h.path, 'additionalProperties']);
    else if (bap === false && hap !== false && hap !== undefined) loosened('additional properties are now allowed', [...h.path, 'additionalProperties']);
    else if (bap === false && hap === undefined) loosened('additional properties are now allowed', h.path);

    // Arrays.
    if (bs.items !== undefined && hs.items !== undefined && !Array.isArray(bs.items) && !Array.isArray(hs.items)) {
      out.push(...compare({ node: bs.items, path: [...b.path, 'items'] }, { node: hs.items, path: [...h.path, 'items'] }, direction, `${label}[]`));
    }

    // Composition: branches are paired by $ref first, then by position.
    for (const k of ['allOf', 'oneOf', 'anyOf'] as const) {
      const bl: unknown[] = Array.isArray(bs[k]) ? bs[k] : [];
      const hl: unknown[] = Array.isArray(hs[k]) ? hs[k] : [];
      if (bl.length === 0 && hl.length === 0) continue;
      const { pairs, removed, added } = pairBranches(bl, hl);
      for (const [bi, hi] of pairs) out.push(...compare({ node: bl[bi], path: [...b.path, k, bi] }, { node: hl[hi], path: [...h.path, k, hi] }, direction, label));
      const variant = k !== 'allOf';
      for (const bi of removed) {
        out.push(variant
          ? { id: isRequest ? 'request-variant-removed' : 'response-variant-removed', level: isRequest ? 'breaking' : 'info', message: `${label}: a ${k} variant was removed${isRequest ? ': clients sending it are refused' : ''}`, location: at([...b.path, k, bi]) }
          : { id: 'schema-composition-changed', level: 'warning', message: `${label}: an allOf part was removed`, location: at([...b.path, k, bi]) });
      }
      for (const hi of added) {
        out.push(variant
          ? { id: isRequest ? 'request-variant-added' : 'response-variant-added', level: isRequest ? 'info' : 'breaking', message: `${label}: a ${k} variant was added${isRequest ? '' : ': old clients do not know it'}`, location: at([...h.path, k, hi]) }
          : { id: 'schema-composition-changed', level: 'warning', message: `${label}: an allOf part was added`, location: at([...h.path, k, hi]) });
      }
    }

    // Documentation and everything else.
    if (bs.description !== hs.description || bs.title !== hs.title) out.push({ id: 'description-changed', level: 'info', message: `${label}: description changed`, location: at(h.path) });
    if (JSON.stringify(bs.example) !== JSON.stringify(hs.example) || JSON.stringify(bs.examples) !== JSON.stringify(hs.examples)) out.push({ id: 'example-changed', level: 'info', message: `${label}: example changed`, location: at(h.path) });
    if (!bs.deprecated && hs.deprecated) out.push({ id: 'schema-deprecated', level: 'info', message: `${label} is now deprecated`, location: at(h.path) });
    for (const k of ['readOnly', 'writeOnly', 'default', 'discriminator']) {
      if (JSON.stringify(bs[k]) !== JSON.stringify(hs[k])) out.push({ id: `${k.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase())}-changed`, level: 'warning', message: `${label}: ${k} changed from ${JSON.stringify(bs[k]) ?? 'none'} to ${JSON.stringify(hs[k]) ?? 'none'}`, location: at(h.path) });
    }
    const unknown = new Set([...Object.keys(bs), ...Object.keys(hs)].filter((k) => !HANDLED.has(k) && !k.startsWith('x-')));
    for (const k of unknown) {
      if (JSON.stringify(bs[k]) !== JSON.stringify(hs[k])) out.push({ id: 'schema-changed', level: 'warning', message: `${label}: ${k} changed in a way this tool cannot classify; review it by hand`, location: at(k in hs ? [...h.path, k] : h.path) });
    }
    return out;
  };

  return { compare };
}

function typeSet(schema: Record<string, any>): Set<string> {
  const types = new Set<string>();
  if (typeof schema.type === 'string') types.add(schema.type);
  else if (Array.isArray(schema.type)) for (const t of schema.type) if (typeof t === 'string') types.add(t);
  if (schema.nullable === true) types.add('null');
  return types;
}

function hasComposition(schema: Record<string, any>): boolean {
  return ['allOf', 'oneOf', 'anyOf', '$ref'].some((k) => k in schema);
}

function enumOf(schema: Record<string, any>): unknown[] | undefined {
  if (Array.isArray(schema.enum)) return schema.enum;
  if ('const' in schema) return [schema.const];
  return undefined;
}

function same(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/** 3.0's boolean exclusiveMaximum/Minimum modify maximum/minimum; 3.1's are numbers of their own. */
function bound(schema: Record<string, any>, key: string): number | undefined {
  const v = schema[key];
  return typeof v === 'number' ? v : undefined;
}

function pairBranches(base: unknown[], head: unknown[]): { pairs: Array<[number, number]>; removed: number[]; added: number[] } {
  const refOf = (n: unknown) => (isObject(n) && typeof n.$ref === 'string' ? n.$ref : undefined);
  const pairs: Array<[number, number]> = [];
  const usedHead = new Set<number>();
  const usedBase = new Set<number>();
  base.forEach((b, bi) => {
    const ref = refOf(b);
    if (ref === undefined) return;
    const hi = head.findIndex((h, i) => !usedHead.has(i) && refOf(h) === ref);
    if (hi !== -1) {
      pairs.push([bi, hi]);
      usedHead.add(hi);
      usedBase.add(bi);
    }
  });
  const restBase = base.map((_, i) => i).filter((i) => !usedBase.has(i));
  const restHead = head.map((_, i) => i).filter((i) => !usedHead.has(i));
  const n = Math.min(restBase.length, restHead.length);
  for (let i = 0; i < n; i++) pairs.push([restBase[i], restHead[i]]);
  return { pairs, removed: restBase.slice(n), added: restHead.slice(n) };
}

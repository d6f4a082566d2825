import { isObject, type JsonObject } from '../model/openapi-index.ts';
import { pointerToPath, valueAt } from '../model/pointer.ts';
import { changeKind } from './catalogue.ts';
import type { Change } from './change.ts';

/**
 * The compatibility policy of a pull request. A breaking change to a live operation fails, unless:
 *  (a) it is not breaking at all: the new behaviour went under a new /vN/ path beside the old one;
 *  (b) it removes an operation that the base already marked `deprecated: true` with an `x-sunset`
 *      date that has passed;
 *  (c) the head spec accepts it explicitly, reviewed by the spec's code owners:
 *        x-accepted-breaking-changes:
 *          - change: response-property-removed
 *            operation: GET /v1/payments/{payment_id}
 *            reason: Nobody ever received this field; the two clients confirmed it.
 * Accepting a breaking change needs a major `info.version` bump; adding operations a minor one.
 */
export interface Acceptance {
  index: number;
  change: string;
  operation: string | null;
  reason: string;
}

export type Bump = 'major' | 'minor' | 'none';

export interface GateResult {
  /** Every change, breaking ones carrying their status (and, when accepted, the reason). */
  changes: Change[];
  blocking: Change[];
  accepted: Array<{ change: Change; reason: string }>;
  sunsetRemovals: Change[];
  /** Acceptances that match no change of this comparison: they must be removed. */
  stale: Acceptance[];
  /** Acceptances without a usable reason. */
  unreasoned: Acceptance[];
  expectedBump: Bump;
  /** Set when info.version does not carry the expected bump. */
  versionProblem?: string;
  ok: boolean;
}

export function acceptancesOf(head: JsonObject | null): Acceptance[] {
  const list = head?.['x-accepted-breaking-changes'];
  if (!Array.isArray(list)) return [];
  return list.map((entry, index) => ({
    index,
    change: isObject(entry) && typeof entry.change === 'string' ? entry.change : '',
    operation: isObject(entry) && typeof entry.operation === 'string' ? entry.operation : null,
    reason: isObject(entry) && typeof entry.reason === 'string' ? entry.reason.trim() : '',
  }));
}

export function evaluateGate(base: JsonObject | null, head: JsonObject | null, changes: Change[], today = new Date()): GateResult {
  const acceptances = acceptancesOf(head);
  const used = new Set<number>();
  const blocking: Change[] = [];
  const accepted: GateResult['accepted'] = [];
  const sunsetRemovals: Change[] = [];
  // An acceptance may name a kind by an id it had before (the catalogue's aliases).
  const names = (a: Acceptance, id: string) => a.change === id || changeKind(a.change)?.id === id;
  const annotated = changes.map((change): Change => {
    if (change.level !== 'breaking') return change;
    if (change.id === 'operation-removed' && sunsetPassed(base, change.location, today)) {
      const allowed = { ...change, status: 'allowed' as const };
      sunsetRemovals.push(allowed);
      return allowed;
    }
    const match = acceptances.find((a) => names(a, change.id) && a.operation === change.operation && a.reason.length >= 10);
    if (match) {
      used.add(match.index);
      const ok = { ...change, status: 'accepted' as const, reason: match.reason };
      accepted.push({ change: ok, reason: match.reason });
      return ok;
    }
    const refused = { ...change, status: 'unaccepted' as const };
    blocking.push(refused);
    return refused;
  });
  const stale = acceptances.filter((a) => a.reason.length >= 10 && !used.has(a.index) && !changes.some((c) => names(a, c.id) && c.operation === a.operation));
  const unreasoned = acceptances.filter((a) => a.reason.length < 10);
  const expectedBump: Bump = accepted.length > 0 ? 'major' : changes.some((c) => c.id === 'operation-added') && base !== null ? 'minor' : 'none';
  const versionProblem = base && head ? checkBump(String(base.info?.version ?? ''), String(head.info?.version ?? ''), expectedBump) : undefined;
  return {
    changes: annotated,
    blocking,
    accepted,
    sunsetRemovals,
    stale,
    unreasoned,
    expectedBump,
    versionProblem,
    ok: blocking.length === 0 && stale.length === 0 && unreasoned.length === 0 && !versionProblem,
  };
}

function sunsetPassed(base: JsonObject | null, location: string, today: Date): boolean {
  const node = valueAt(base, pointerToPath(location));
  if (!isObject(node) || node.deprecated !== true || node['x-sunset'] === undefined) return false;
  const sunset = Date.parse(String(node['x-sunset']));
  return Number.isFinite(sunset) && sunset <= today.getTime();
}

export function parseVersion(v: string): [number, number, number] | undefined {
  const m = /^(\d+)\.(\d+)\.(\d+)/.exec(v);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : undefined;
}

function checkBump(base: string, head: string, expected: Bump): string | undefined {
  if (expected === 'none') return undefined;
  const b = parseVersion(base);
  const h = parseVersion(head);
  if (!b || !h) return `info.version must be semver (major.minor.patch) to check the ${expected} bump; got ${base} → ${head}`;
  const ok = expected === 'major' ? h[0] > b[0] : h[0] > b[0] || (h[0] === b[0] && h[1] > b[1]);
  if (ok) return undefined;
  const want = expected === 'major' ? `${b[0] + 1}.0.0` : `${b[0]}.${b[1] + 1}.0`;
  const why = expected === 'major' ? 'breaking changes were accepted' : 'operations were added';
  return `info.version must get a ${expected} bump because ${why}: expected ${want} or later, got ${head}`;
}

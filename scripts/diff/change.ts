export type Level = 'breaking' | 'warning' | 'info';

/**
 * Where a breaking change stands with the gate: `unaccepted` fails it, `accepted` is named in
 * `x-accepted-breaking-changes` with a reason, `allowed` is a removal after its announced sunset.
 */
export type GateStatus = 'unaccepted' | 'accepted' | 'allowed';

/** The side of the wire a change kind concerns (see facts.ts for request and response). */
export type CatalogueSide = 'request' | 'response' | 'both' | 'document';

/** One difference between two versions of a spec, the unit of every diff output and of the gate. */
export interface Change {
  /** The catalogue id (rules/changes/<id>.md), e.g. `response-property-removed`. */
  id: string;
  level: Level;
  /** The side of the wire the change concerns (the catalogue entry's). */
  side: CatalogueSide;
  message: string;
  /** `POST /v1/payments`, `webhook payment.succeeded`, or null for document-level changes. */
  operation: string | null;
  /** JSON pointer in the head document (in the base for removals). */
  location: string;
  /** For breaking changes, once the gate has looked at them. */
  status?: GateStatus;
  /** For accepted changes: the reason given in x-accepted-breaking-changes. */
  reason?: string;
}

export interface DiffSummary {
  breaking: number;
  warning: number;
  info: number;
}

export function summarizeChanges(changes: Change[]): DiffSummary {
  return {
    breaking: changes.filter((c) => c.level === 'breaking').length,
    warning: changes.filter((c) => c.level === 'warning').length,
    info: changes.filter((c) => c.level === 'info').length,
  };
}

const ORDER: Record<Level, number> = { breaking: 0, warning: 1, info: 2 };

export function compareChanges(a: Change, b: Change): number {
  return (
    ORDER[a.level] - ORDER[b.level] ||
    (a.operation ?? '').localeCompare(b.operation ?? '') ||
    a.location.localeCompare(b.location) ||
    a.id.localeCompare(b.id) ||
    a.message.localeCompare(b.message)
  );
}

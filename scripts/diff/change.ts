export type Level = 'breaking' | 'warning' | 'info';

/** One difference between two versions of a spec, the unit of every diff output and of the gate. */
export interface Change {
  /** Stable kebab-case kind, e.g. `response-property-removed`. */
  id: string;
  level: Level;
  message: string;
  /** `POST /v1/payments`, `webhook payment.succeeded`, or null for document-level changes. */
  operation: string | null;
  /** JSON pointer in the head document (in the base for removals). */
  location: string;
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
  return ORDER[a.level] - ORDER[b.level] || (a.operation ?? '').localeCompare(b.operation ?? '') || a.location.localeCompare(b.location) || a.id.localeCompare(b.id);
}

/** A change before it is attached to an operation (shared schemas are compared once, reported per use). */
export type RawChange = Omit<Change, 'operation'>;

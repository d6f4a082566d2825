import type { Change } from '../change.ts';

/** What every diff format renders. */
export interface DiffReport {
  title: string;
  /** Breaking changes carry their gate status once evaluateGate has looked at them. */
  changes: Change[];
  /** Where a change kind's page is (an address, or a path in the repository by default). */
  link?: (id: string) => string;
}

/** How many breaking changes stand where with the gate. */
export function gateSummary(changes: Change[]): { unaccepted: number; accepted: number; allowed: number } {
  const breaking = changes.filter((c) => c.level === 'breaking');
  return {
    unaccepted: breaking.filter((c) => (c.status ?? 'unaccepted') === 'unaccepted').length,
    accepted: breaking.filter((c) => c.status === 'accepted').length,
    allowed: breaking.filter((c) => c.status === 'allowed').length,
  };
}

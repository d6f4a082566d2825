import { canonicalJson } from './canonical.js';

/**
 * The mock's idempotency emulation (`apis mock` and the MSW handlers) for operations that declare an `Idempotency-Key` header: the same key with
 * the same request replays the first answer; the same key with another request is a conflict. In
 * memory, per mock process, like a real server's short-lived key store.
 */

export interface StoredResponse {
  status: number;
  headers: Record<string, string>;
  body: string | undefined;
}

type Entry = { fingerprint: string; response: Promise<StoredResponse | undefined> };

export type IdempotencyOutcome =
  | { kind: 'first'; settle(response: StoredResponse | undefined): void }
  | { kind: 'replay'; response: StoredResponse }
  | { kind: 'conflict' };

/** Enough for any client test session; the oldest keys are forgotten first. */
const MAX_KEYS = 10_000;

export class IdempotencyStore {
  private readonly entries = new Map<string, Entry>();

  /**
   * `scope` names the operation (keys are per operation), `fingerprint` the request (path and body).
   * A request that arrives while the first one with its key is still running waits for its answer.
   */
  async claim(scope: string, key: string, fingerprint: string): Promise<IdempotencyOutcome> {
    const id = `${scope}\n${key}`;
    const existing = this.entries.get(id);
    if (existing) {
      if (existing.fingerprint !== fingerprint) return { kind: 'conflict' };
      const response = await existing.response;
      if (response) return { kind: 'replay', response };
      // The first request was not kept (it failed before doing anything): this one is a new first.
    }
    let settle!: (response: StoredResponse | undefined) => void;
    const response = new Promise<StoredResponse | undefined>((resolve) => (settle = resolve));
    this.entries.delete(id);
    this.entries.set(id, { fingerprint, response });
    if (this.entries.size > MAX_KEYS) this.entries.delete(this.entries.keys().next().value!);
    return {
      kind: 'first',
      settle: (stored) => {
        // Requests refused before any work (invalid, unauthorised, faults) are not remembered, so the
        // corrected retry with the same key is processed, as a real server would do.
        if (!stored && this.entries.get(id)?.response === response) this.entries.delete(id);
        settle(stored);
      },
    };
  }
}

/** The request's identity for the key: method, concrete path and body with keys sorted. */
export function requestFingerprint(method: string, path: string, body: unknown): string {
  return `${method.toUpperCase()} ${path}\n${canonicalJson(body)}`;
}

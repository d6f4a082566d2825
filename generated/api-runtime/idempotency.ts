/**
 * Server-side idempotency: the first request with a key runs; a repeat with the same body gets the
 * stored response again without running the handler; the same key with another body is a 409; so is
 * a duplicate that arrives while the first is still running (answering 409 rather than waiting keeps
 * a server thread free; the client retries after backoff and then gets the replay).
 */
export interface StoredResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

export type Begin = { state: 'new' } | { state: 'replay'; response: StoredResponse } | { state: 'conflict' } | { state: 'in-flight' };

export interface IdempotencyStore {
  begin(key: string, fingerprint: string): Promise<Begin>;
  complete(key: string, response: StoredResponse): Promise<void>;
  /** Forgets a key whose handler failed, so a retry can run it. */
  abort(key: string): Promise<void>;
}

interface Entry {
  fingerprint: string;
  response?: StoredResponse;
  expiresAt: number;
}

/** One process's memory; a deployment with several instances needs a shared store (same interface). */
export class MemoryIdempotencyStore implements IdempotencyStore {
  private readonly entries = new Map<string, Entry>();
  constructor(
    private readonly retentionMs: number = 24 * 60 * 60 * 1000,
    private readonly now: () => number = Date.now,
  ) {}

  async begin(key: string, fingerprint: string): Promise<Begin> {
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt <= this.now()) this.entries.delete(key);
    const current = this.entries.get(key);
    if (!current) {
      this.entries.set(key, { fingerprint, expiresAt: this.now() + this.retentionMs });
      return { state: 'new' };
    }
    if (current.fingerprint !== fingerprint) return { state: 'conflict' };
    return current.response ? { state: 'replay', response: current.response } : { state: 'in-flight' };
  }

  async complete(key: string, response: StoredResponse): Promise<void> {
    const entry = this.entries.get(key);
    if (entry) entry.response = response;
  }

  async abort(key: string): Promise<void> {
    this.entries.delete(key);
  }
}

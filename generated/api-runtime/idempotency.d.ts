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
export type Begin = {
    state: 'new';
} | {
    state: 'replay';
    response: StoredResponse;
} | {
    state: 'conflict';
} | {
    state: 'in-flight';
};
export interface IdempotencyStore {
    begin(key: string, fingerprint: string): Promise<Begin>;
    complete(key: string, response: StoredResponse): Promise<void>;
    /** Forgets a key whose handler failed, so a retry can run it. */
    abort(key: string): Promise<void>;
}
/** One process's memory; a deployment with several instances needs a shared store (same interface). */
export declare class MemoryIdempotencyStore implements IdempotencyStore {
    private readonly retentionMs;
    private readonly now;
    private readonly entries;
    constructor(retentionMs?: number, now?: () => number);
    begin(key: string, fingerprint: string): Promise<Begin>;
    complete(key: string, response: StoredResponse): Promise<void>;
    abort(key: string): Promise<void>;
}

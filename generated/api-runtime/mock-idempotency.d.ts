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
export type IdempotencyOutcome = {
    kind: 'first';
    settle(response: StoredResponse | undefined): void;
} | {
    kind: 'replay';
    response: StoredResponse;
} | {
    kind: 'conflict';
};
export declare class IdempotencyStore {
    private readonly entries;
    /**
     * `scope` names the operation (keys are per operation), `fingerprint` the request (path and body).
     * A request that arrives while the first one with its key is still running waits for its answer.
     */
    claim(scope: string, key: string, fingerprint: string): Promise<IdempotencyOutcome>;
}
/** The request's identity for the key: method, concrete path and body with keys sorted. */
export declare function requestFingerprint(method: string, path: string, body: unknown): string;

import type { Begin, IdempotencyStore, StoredResponse } from './idempotency.js';
/** What the store needs of a `pg.Pool` (or a `pg.Client`). */
export interface Queryable {
    query(text: string, values?: unknown[]): Promise<{
        rows: Array<Record<string, unknown>>;
        rowCount: number | null;
    }>;
}
export interface PostgresStoreOptions {
    /** A connection string (a `pg.Pool` is created for it) or your own pool. */
    connection: string | Queryable;
    /** How long a key and its response are kept. Default 24 h. */
    retentionMs?: number;
    /** How long a claim may run before another instance may take it over (a crash). Default 60 s. */
    lockTimeoutMs?: number;
    /** Rows deleted per statement by cleanup(), so it never holds many locks at once. Default 500. */
    cleanupBatch?: number;
}
/** The migration, plain SQL shipped beside this module. */
export declare function idempotencyMigration(): Promise<string>;
export declare class PostgresIdempotencyStore implements IdempotencyStore {
    private readonly options;
    private pool;
    private readonly ownPool;
    /** The claim id of each key this instance holds, so it completes only what it still owns. */
    private readonly owners;
    private readonly retentionMs;
    private readonly lockTimeoutMs;
    private readonly cleanupBatch;
    private timer;
    constructor(options: PostgresStoreOptions);
    private db;
    /** Creates the table and index when missing. */
    migrate(): Promise<void>;
    begin(key: string, fingerprint: string): Promise<Begin>;
    complete(key: string, response: StoredResponse): Promise<void>;
    abort(key: string): Promise<void>;
    /** Deletes expired keys, a batch per statement; returns how many went. */
    cleanup(): Promise<number>;
    /** Runs cleanup() every `intervalMs` in the background (errors are left to the next round). */
    startCleanup(intervalMs?: number): void;
    /** Stops the cleanup and, when the store created the pool, closes it. */
    close(): Promise<void>;
}

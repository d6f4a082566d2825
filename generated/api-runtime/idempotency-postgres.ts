/**
 * Idempotency keys in PostgreSQL, for servers with more than one instance or a restart between a
 * request and its retry: the first request with a key claims it with one atomic
 * `INSERT … ON CONFLICT DO UPDATE … WHERE` (the row lock decides between instances), a retry with
 * the same body gets the stored response, another body 409, a duplicate while the first runs 409. A
 * claim whose instance died is taken over once its lock times out; keys expire (24 h by default)
 * and are deleted in small batches by `cleanup()`, off the request path.
 * `pg` is an optional peer dependency: it is imported only when a connection string is given.
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Begin, IdempotencyStore, StoredResponse } from './idempotency.js';

/** What the store needs of a `pg.Pool` (or a `pg.Client`). */
export interface Queryable {
  query(text: string, values?: unknown[]): Promise<{ rows: Array<Record<string, unknown>>; rowCount: number | null }>;
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
export async function idempotencyMigration(): Promise<string> {
  return readFile(new URL('./idempotency-postgres.sql', import.meta.url), 'utf8');
}

export class PostgresIdempotencyStore implements IdempotencyStore {
  private pool: Queryable | undefined;
  private readonly ownPool: boolean;
  /** The claim id of each key this instance holds, so it completes only what it still owns. */
  private readonly owners = new Map<string, string>();
  private readonly retentionMs: number;
  private readonly lockTimeoutMs: number;
  private readonly cleanupBatch: number;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly options: PostgresStoreOptions) {
    this.ownPool = typeof options.connection === 'string';
    if (typeof options.connection !== 'string') this.pool = options.connection;
    this.retentionMs = options.retentionMs ?? 24 * 60 * 60 * 1000;
    this.lockTimeoutMs = options.lockTimeoutMs ?? 60 * 1000;
    this.cleanupBatch = options.cleanupBatch ?? 500;
  }

  private async db(): Promise<Queryable> {
    if (!this.pool) {
      const pg = (await import('pg')) as unknown as { default?: { Pool: new (o: object) => Queryable }; Pool?: new (o: object) => Queryable };
      const Pool = (pg.default ?? pg).Pool!;
      const pool = new Pool({ connectionString: this.options.connection as string });
      // An idle client that loses its server must not crash the process: the next query reports it.
      (pool as unknown as { on(event: string, listener: () => void): void }).on('error', () => undefined);
      this.pool = pool;
    }
    return this.pool;
  }

  /** Creates the table and index when missing. */
  async migrate(): Promise<void> {
    await (await this.db()).query(await idempotencyMigration());
  }

  async begin(key: string, fingerprint: string): Promise<Begin> {
    const db = await this.db();
    for (let attempt = 0; attempt < 3; attempt++) {
      const owner = randomUUID();
      // Claims a new key, an expired one, or one whose claim timed out with the same request
      // (its instance died); anything else stays as it is and is read below.
      const claimed = await db.query(
        `INSERT INTO apis_idempotency_keys AS k (scope, fingerprint, owner, locked_until, expires_at)
         VALUES ($1, $2, $3, now() + $4 * interval '1 millisecond', now() + $5 * interval '1 millisecond')
         ON CONFLICT (scope) DO UPDATE
           SET fingerprint = EXCLUDED.fingerprint, owner = EXCLUDED.owner, locked_until = EXCLUDED.locked_until,
               response = NULL, created_at = now(), expires_at = EXCLUDED.expires_at
           WHERE k.expires_at <= now()
              OR (k.response IS NULL AND k.locked_until <= now() AND k.fingerprint = EXCLUDED.fingerprint)
         RETURNING owner`,
        [key, fingerprint, owner, this.lockTimeoutMs, this.retentionMs],
      );
      if (claimed.rowCount === 1) {
        this.owners.set(key, owner);
        return { state: 'new' };
      }
      const { rows } = await db.query('SELECT fingerprint, response FROM apis_idempotency_keys WHERE scope = $1', [key]);
      const row = rows[0];
      if (!row) continue; // deleted by cleanup between the two statements: claim again
      if (row.fingerprint !== fingerprint) return { state: 'conflict' };
      return row.response ? { state: 'replay', response: row.response as StoredResponse } : { state: 'in-flight' };
    }
    throw new Error(`idempotency key ${key} could not be claimed`);
  }

  async complete(key: string, response: StoredResponse): Promise<void> {
    const owner = this.owners.get(key);
    this.owners.delete(key);
    if (!owner) return;
    await (await this.db()).query('UPDATE apis_idempotency_keys SET response = $3::json, owner = NULL, locked_until = NULL WHERE scope = $1 AND owner = $2', [
      key,
      owner,
      JSON.stringify(response),
    ]);
  }

  async abort(key: string): Promise<void> {
    const owner = this.owners.get(key);
    this.owners.delete(key);
    if (owner) await (await this.db()).query('DELETE FROM apis_idempotency_keys WHERE scope = $1 AND owner = $2', [key, owner]);
  }

  /** Deletes expired keys, a batch per statement; returns how many went. */
  async cleanup(): Promise<number> {
    const db = await this.db();
    let deleted = 0;
    for (;;) {
      const result = await db.query(
        `DELETE FROM apis_idempotency_keys WHERE scope IN (
           SELECT scope FROM apis_idempotency_keys WHERE expires_at <= now() LIMIT $1 FOR UPDATE SKIP LOCKED)`,
        [this.cleanupBatch],
      );
      deleted += result.rowCount ?? 0;
      if ((result.rowCount ?? 0) < this.cleanupBatch) return deleted;
    }
  }

  /** Runs cleanup() every `intervalMs` in the background (errors are left to the next round). */
  startCleanup(intervalMs: number = 10 * 60 * 1000): void {
    this.timer ??= setInterval(() => void this.cleanup().catch(() => undefined), intervalMs);
    this.timer.unref?.();
  }

  /** Stops the cleanup and, when the store created the pool, closes it. */
  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    if (this.ownPool && this.pool) {
      await (this.pool as unknown as { end(): Promise<void> }).end();
      this.pool = undefined;
    }
  }
}

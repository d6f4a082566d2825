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
/** The migration, plain SQL shipped beside this module. */
export async function idempotencyMigration() {
    return readFile(new URL('./idempotency-postgres.sql', import.meta.url), 'utf8');
}
export class PostgresIdempotencyStore {
    options;
    pool;
    ownPool;
    /** The claim id of each key this instance holds, so it completes only what it still owns. */
    owners = new Map();
    retentionMs;
    lockTimeoutMs;
    cleanupBatch;
    timer;
    constructor(options) {
        this.options = options;
        this.ownPool = typeof options.connection === 'string';
        if (typeof options.connection !== 'string')
            this.pool = options.connection;
        this.retentionMs = options.retentionMs ?? 24 * 60 * 60 * 1000;
        this.lockTimeoutMs = options.lockTimeoutMs ?? 60 * 1000;
        this.cleanupBatch = options.cleanupBatch ?? 500;
    }
    async db() {
        if (!this.pool) {
            const pg = (await import('pg'));
            const Pool = (pg.default ?? pg).Pool;
            const pool = new Pool({ connectionString: this.options.connection });
            // An idle client that loses its server must not crash the process: the next query reports it.
            pool.on('error', () => undefined);
            this.pool = pool;
        }
        return this.pool;
    }
    /** Creates the table and index when missing. */
    async migrate() {
        await (await this.db()).query(await idempotencyMigration());
    }
    async begin(key, fingerprint) {
        const db = await this.db();
        for (let attempt = 0; attempt < 3; attempt++) {
            const owner = randomUUID();
            // Claims a new key, an expired one, or one whose claim timed out with the same request
            // (its instance died); anything else stays as it is and is read below.
            const claimed = await db.query(`INSERT INTO apis_idempotency_keys AS k (scope, fingerprint, owner, locked_until, expires_at)
         VALUES ($1, $2, $3, now() + $4 * interval '1 millisecond', now() + $5 * interval '1 millisecond')
         ON CONFLICT (scope) DO UPDATE
           SET fingerprint = EXCLUDED.fingerprint, owner = EXCLUDED.owner, locked_until = EXCLUDED.locked_until,
               response = NULL, created_at = now(), expires_at = EXCLUDED.expires_at
           WHERE k.expires_at <= now()
              OR (k.response IS NULL AND k.locked_until <= now() AND k.fingerprint = EXCLUDED.fingerprint)
         RETURNING owner`, [key, fingerprint, owner, this.lockTimeoutMs, this.retentionMs]);
            if (claimed.rowCount === 1) {
                this.owners.set(key, owner);
                return { state: 'new' };
            }
            const { rows } = await db.query('SELECT fingerprint, response FROM apis_idempotency_keys WHERE scope = $1', [key]);
            const row = rows[0];
            if (!row)
                continue; // deleted by cleanup between the two statements: claim again
            if (row.fingerprint !== fingerprint)
                return { state: 'conflict' };
            return row.response ? { state: 'replay', response: row.response } : { state: 'in-flight' };
        }
        throw new Error(`idempotency key ${key} could not be claimed`);
    }
    async complete(key, response) {
        const owner = this.owners.get(key);
        this.owners.delete(key);
        if (!owner)
            return;
        await (await this.db()).query('UPDATE apis_idempotency_keys SET response = $3::json, owner = NULL, locked_until = NULL WHERE scope = $1 AND owner = $2', [
            key,
            owner,
            JSON.stringify(response),
        ]);
    }
    async abort(key) {
        const owner = this.owners.get(key);
        this.owners.delete(key);
        if (owner)
            await (await this.db()).query('DELETE FROM apis_idempotency_keys WHERE scope = $1 AND owner = $2', [key, owner]);
    }
    /** Deletes expired keys, a batch per statement; returns how many went. */
    async cleanup() {
        const db = await this.db();
        let deleted = 0;
        for (;;) {
            const result = await db.query(`DELETE FROM apis_idempotency_keys WHERE scope IN (
           SELECT scope FROM apis_idempotency_keys WHERE expires_at <= now() LIMIT $1 FOR UPDATE SKIP LOCKED)`, [this.cleanupBatch]);
            deleted += result.rowCount ?? 0;
            if ((result.rowCount ?? 0) < this.cleanupBatch)
                return deleted;
        }
    }
    /** Runs cleanup() every `intervalMs` in the background (errors are left to the next round). */
    startCleanup(intervalMs = 10 * 60 * 1000) {
        this.timer ??= setInterval(() => void this.cleanup().catch(() => undefined), intervalMs);
        this.timer.unref?.();
    }
    /** Stops the cleanup and, when the store created the pool, closes it. */
    async close() {
        if (this.timer)
            clearInterval(this.timer);
        this.timer = undefined;
        if (this.ownPool && this.pool) {
            await this.pool.end();
            this.pool = undefined;
        }
    }
}

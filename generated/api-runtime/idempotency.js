/** One process's memory; a deployment with several instances needs a shared store (same interface). */
export class MemoryIdempotencyStore {
    retentionMs;
    now;
    entries = new Map();
    constructor(retentionMs = 24 * 60 * 60 * 1000, now = Date.now) {
        this.retentionMs = retentionMs;
        this.now = now;
    }
    async begin(key, fingerprint) {
        const entry = this.entries.get(key);
        if (entry && entry.expiresAt <= this.now())
            this.entries.delete(key);
        const current = this.entries.get(key);
        if (!current) {
            this.entries.set(key, { fingerprint, expiresAt: this.now() + this.retentionMs });
            return { state: 'new' };
        }
        if (current.fingerprint !== fingerprint)
            return { state: 'conflict' };
        return current.response ? { state: 'replay', response: current.response } : { state: 'in-flight' };
    }
    async complete(key, response) {
        const entry = this.entries.get(key);
        if (entry)
            entry.response = response;
    }
    async abort(key) {
        this.entries.delete(key);
    }
}

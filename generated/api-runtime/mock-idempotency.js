import { canonicalJson } from './canonical.js';
/** Enough for any client test session; the oldest keys are forgotten first. */
const MAX_KEYS = 10_000;
export class IdempotencyStore {
    entries = new Map();
    /**
     * `scope` names the operation (keys are per operation), `fingerprint` the request (path and body).
     * A request that arrives while the first one with its key is still running waits for its answer.
     */
    async claim(scope, key, fingerprint) {
        const id = `${scope}\n${key}`;
        const existing = this.entries.get(id);
        if (existing) {
            if (existing.fingerprint !== fingerprint)
                return { kind: 'conflict' };
            const response = await existing.response;
            if (response)
                return { kind: 'replay', response };
            // The first request was not kept (it failed before doing anything): this one is a new first.
        }
        let settle;
        const response = new Promise((resolve) => (settle = resolve));
        this.entries.delete(id);
        this.entries.set(id, { fingerprint, response });
        if (this.entries.size > MAX_KEYS)
            this.entries.delete(this.entries.keys().next().value);
        return {
            kind: 'first',
            settle: (stored) => {
                // Requests refused before any work (invalid, unauthorised, faults) are not remembered, so the
                // corrected retry with the same key is processed, as a real server would do.
                if (!stored && this.entries.get(id)?.response === response)
                    this.entries.delete(id);
                settle(stored);
            },
        };
    }
}
/** The request's identity for the key: method, concrete path and body with keys sorted. */
export function requestFingerprint(method, path, body) {
    return `${method.toUpperCase()} ${path}\n${canonicalJson(body)}`;
}

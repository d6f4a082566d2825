/**
 * The resilience every generated client gets, as a `fetch` for openapi-fetch:
 *  - a timeout per attempt that covers the whole answer, body included;
 *  - retries on 429, 502, 503, 504 and network errors only, and only when a retry is safe: the method
 *    is idempotent, or the operation takes an Idempotency-Key (a 429 was not processed, so it is
 *    always retried);
 *  - exponential backoff with full jitter, honouring Retry-After (RFC 9110: seconds or an HTTP-date);
 *  - the caller's AbortSignal ends the call at once, during a request or a backoff wait;
 *  - one Idempotency-Key per logical call, reused on every retry of that call;
 *  - a bearer-token provider asked again once after a 401;
 *  - a hook per attempt for logging and metrics.
 * Hand-written and tested in this repository; `apis generate` copies it into each client package.
 */
const RETRYABLE_STATUS = [429, 502, 503, 504];
const IDEMPOTENT_METHODS = ['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS'];
/** The delay before retry number `retry` (1-based): full jitter, or what Retry-After asks for. */
export function backoffDelay(retry, retryAfter, options, random, now = Date.now()) {
    const fromHeader = parseRetryAfter(retryAfter, now);
    if (fromHeader !== undefined)
        return Math.min(fromHeader, options.maxDelayMs);
    const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (retry - 1));
    return Math.floor(random() * ceiling);
}
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** The three HTTP-date forms of RFC 9110, 5.6.7: IMF-fixdate, then the obsolete RFC 850 and asctime forms. */
const IMF_FIXDATE = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d{2}) ([A-Z][a-z]{2}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT$/;
const RFC_850 = /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), (\d{2})-([A-Z][a-z]{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2}) GMT$/;
const ASCTIME = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) ([A-Z][a-z]{2}) ([ \d]\d) (\d{2}):(\d{2}):(\d{2}) (\d{4})$/;
/** An HTTP-date as epoch milliseconds, or undefined when `text` is none of its three forms. */
export function parseHttpDate(text, now = Date.now()) {
    const parts = httpDateParts(text, now);
    if (!parts)
        return undefined;
    const month = MONTHS.indexOf(parts.month);
    const [day, hour, minute, second] = [parts.day, ...parts.time].map(Number);
    if (month < 0 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60)
        return undefined;
    const time = Date.UTC(parts.year, month, day, hour, minute, second);
    // 31 February and the like roll over into the next month: not a date.
    return new Date(time).getUTCDate() === day ? time : undefined;
}
function httpDateParts(text, now) {
    const imf = IMF_FIXDATE.exec(text);
    if (imf)
        return { day: imf[1], month: imf[2], year: Number(imf[3]), time: imf.slice(4, 7) };
    const asc = ASCTIME.exec(text);
    if (asc)
        return { day: asc[2].trim(), month: asc[1], year: Number(asc[6]), time: asc.slice(3, 6) };
    const rfc850 = RFC_850.exec(text);
    if (!rfc850)
        return undefined;
    // A two-digit year that would be more than 50 years ahead is in the past century (RFC 9110).
    const current = new Date(now).getUTCFullYear();
    let year = Math.floor(current / 100) * 100 + Number(rfc850[3]);
    if (year > current + 50)
        year -= 100;
    return { day: rfc850[1], month: rfc850[2], year, time: rfc850.slice(4, 7) };
}
/**
 * Retry-After (RFC 9110, 10.2.3) is delay-seconds (digits only) or an HTTP-date. Anything else
 * (`1.5`, `-5`, a date in another format) is ignored, and the normal backoff applies.
 */
export function parseRetryAfter(value, now = Date.now()) {
    if (value === null)
        return undefined;
    const text = value.trim();
    if (/^\d+$/.test(text))
        return Number(text) * 1000;
    const date = parseHttpDate(text, now);
    return date === undefined ? undefined : Math.max(0, date - now);
}
function routeMatcher(routes) {
    const compiled = routes.map((r) => ({
        method: r.method.toUpperCase(),
        re: new RegExp(`${r.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\\{[^}]+\\\}|\{[^}]+\}/g, '[^/]+')}$`),
    }));
    const methods = new Set(compiled.map((r) => r.method));
    // The URL is parsed only for a method some route has: most calls are GETs of routes without a key.
    return (method, url) => {
        if (!methods.has(method))
            return false;
        const { pathname } = new URL(url);
        return compiled.some((r) => r.method === method && r.re.test(pathname));
    };
}
/**
 * A fetch that applies the house resilience. `idempotencyKeyRoutes` are the operations that declare
 * an Idempotency-Key header: their calls get one generated key, reused on every retry.
 */
export function resilientFetch(options, idempotencyKeyRoutes = []) {
    // The global fetch as it is at each call, not at creation: test tools (MSW) replace it after
    // the application module that creates the client has loaded.
    const baseFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    const retry = { attempts: 3, baseDelayMs: 1000, maxDelayMs: 30000, ...options.retry };
    const timeoutMs = options.timeoutMs ?? 10000;
    const sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    const random = options.random ?? Math.random;
    const takesKey = routeMatcher(idempotencyKeyRoutes);
    return async (input, init) => {
        // openapi-fetch hands over a ready Request: reuse it rather than building another.
        const original = input instanceof Request && init === undefined ? input : new Request(input, init);
        const method = original.method.toUpperCase();
        const url = original.url;
        const headers = new Headers(original.headers);
        const keyed = takesKey(method, url);
        if (keyed && !headers.has('Idempotency-Key'))
            headers.set('Idempotency-Key', crypto.randomUUID());
        const body = original.body ? await original.arrayBuffer() : undefined;
        const safe = IDEMPOTENT_METHODS.includes(method) || keyed;
        const askToken = async (forceRefresh) => (options.token ? options.token({ forceRefresh }) : undefined);
        let token = await askToken(false);
        let refreshed = false;
        for (let attempt = 1;; attempt++) {
            if (original.signal.aborted)
                throw original.signal.reason;
            if (token !== undefined)
                headers.set('Authorization', `Bearer ${token}`);
            // One controller per attempt, aborted by the timeout or by the caller's own signal. Both stay
            // armed until the body has been read: a server that stalls mid-body must not hang the call.
            const controller = new AbortController();
            const timer = setTimeout(() => controller.abort(new DOMException(`the request timed out after ${timeoutMs} ms`, 'TimeoutError')), timeoutMs);
            const forward = () => controller.abort(original.signal.reason);
            original.signal.addEventListener('abort', forward, { once: true });
            const release = () => {
                clearTimeout(timer);
                original.signal.removeEventListener('abort', forward);
            };
            const started = Date.now();
            let response;
            let error;
            try {
                response = await baseFetch(url, { method, headers, body, signal: controller.signal, redirect: original.redirect });
            }
            catch (e) {
                release();
                if (original.signal.aborted)
                    throw e; // the caller gave up: never retry that
                error = e;
            }
            const status = response?.status ?? null;
            if (status === 401 && options.token && !refreshed) {
                refreshed = true;
                await discard(response, release);
                token = await askToken(true);
                options.onAttempt?.({ method, url, attempt, status, durationMs: Date.now() - started, willRetry: true });
                attempt--; // a token refresh is not a retry of the request
                continue;
            }
            const retryable = error !== undefined ? safe : status !== null && RETRYABLE_STATUS.includes(status) && (status === 429 || safe);
            const willRetry = retryable && attempt < retry.attempts;
            options.onAttempt?.({ method, url, attempt, status, durationMs: Date.now() - started, error, willRetry });
            if (!willRetry) {
                if (response)
                    return armedUntilRead(response, release, timer);
                throw error;
            }
            const delay = backoffDelay(attempt, response?.headers.get('Retry-After') ?? null, retry, random);
            await discard(response, release);
            await abortable(sleep(delay), original.signal);
        }
    };
}
/** Drops a body that will not be read, then lets go of its timer. */
async function discard(response, release) {
    try {
        await response?.body?.cancel();
    }
    catch {
        // already failed or aborted: nothing left to drop
    }
    finally {
        release();
    }
}
/** Statuses whose responses have no body (the Response constructor refuses one). */
const NULL_BODY_STATUS = [101, 103, 204, 205, 304];
const BODY_READERS = ['arrayBuffer', 'blob', 'bytes', 'formData', 'json', 'text'];
/**
 * The response with `release` called once one of its body readers (json(), text()…, what
 * openapi-fetch uses) has settled: the timeout covers the body too, since aborting the attempt's
 * controller fails a body still being read. Wrapping the body in a stream of our own did the same
 * for every way of reading it and doubled the client's cost per call; a caller who reads
 * `response.body` directly keeps the timer until it fires (aborting a finished body does nothing),
 * unref'd so that it keeps no Node process alive.
 */
function armedUntilRead(response, release, timer) {
    if (!response.body || NULL_BODY_STATUS.includes(response.status)) {
        release();
        return response;
    }
    for (const name of BODY_READERS) {
        const read = response[name];
        if (typeof read !== 'function')
            continue;
        Object.defineProperty(response, name, {
            configurable: true,
            writable: true,
            value: () => read.call(response).finally(release),
        });
    }
    timer.unref?.();
    return response;
}
/** `wait`, or a rejection with the signal's reason the moment it aborts. */
function abortable(wait, signal) {
    if (signal.aborted)
        return Promise.reject(signal.reason);
    return new Promise((resolve, reject) => {
        const onAbort = () => reject(signal.reason);
        signal.addEventListener('abort', onAbort, { once: true });
        wait.then(() => {
            signal.removeEventListener('abort', onAbort);
            resolve();
        }, (error) => {
            signal.removeEventListener('abort', onAbort);
            reject(error);
        });
    });
}

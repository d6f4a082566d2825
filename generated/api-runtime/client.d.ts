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
import { type Client } from 'openapi-fetch';
export interface RetryOptions {
    /** Attempts in total, the first included. Default 3. */
    attempts?: number;
    /** Base delay in milliseconds. Default 1000. */
    baseDelayMs?: number;
    /** Longest delay in milliseconds, Retry-After included. Default 30000. */
    maxDelayMs?: number;
}
export interface AttemptInfo {
    method: string;
    url: string;
    attempt: number;
    status: number | null;
    durationMs: number;
    error?: unknown;
    willRetry: boolean;
}
export type TokenProvider = (request: {
    forceRefresh: boolean;
}) => string | Promise<string>;
export interface ClientOptions {
    baseUrl: string;
    /** Bearer token for every request; asked again with forceRefresh after a 401. */
    token?: TokenProvider;
    /** Per-attempt timeout in milliseconds. Default 10000. */
    timeoutMs?: number;
    retry?: RetryOptions;
    onAttempt?: (info: AttemptInfo) => void;
    /** The fetch to wrap. Default: the global fetch. */
    fetch?: typeof fetch;
    /** For tests: how to wait. Default: setTimeout. */
    sleep?: (ms: number) => Promise<void>;
    /** For tests: randomness in [0, 1). Default: Math.random. */
    random?: () => number;
}
export interface OperationRoute {
    method: string;
    /** The path template, e.g. /v1/payments/{payment_id}. */
    path: string;
}
/** The delay before retry number `retry` (1-based): full jitter, or what Retry-After asks for. */
export declare function backoffDelay(retry: number, retryAfter: string | null, options: Required<RetryOptions>, random: () => number, now?: number): number;
/** An HTTP-date as epoch milliseconds, or undefined when `text` is none of its three forms. */
export declare function parseHttpDate(text: string, now?: number): number | undefined;
/**
 * Retry-After (RFC 9110, 10.2.3) is delay-seconds (digits only) or an HTTP-date. Anything else
 * (`1.5`, `-5`, a date in another format) is ignored, and the normal backoff applies.
 */
export declare function parseRetryAfter(value: string | null, now?: number): number | undefined;
/**
 * What openapi-fetch builds for a call that no middleware will see, in place of a Request: the URL
 * and the RequestInit as they are. fetch builds a Request of its own from them anyway; building one
 * before it cost a second Request and, on Node 20, a second AbortSignal (about 8 µs each with
 * their garbage), a third of the client's cost over plain fetch.
 */
export declare class PlannedRequest {
    readonly url: string;
    readonly method: string;
    readonly init: RequestInit;
    constructor(url: string, init: RequestInit);
}
/**
 * A fetch that applies the house resilience. `idempotencyKeyRoutes` are the operations that declare
 * an Idempotency-Key header: their calls get one generated key, reused on every retry.
 */
export declare function resilientFetch(options: ClientOptions, idempotencyKeyRoutes?: OperationRoute[]): typeof fetch;
/**
 * openapi-fetch's path serialiser (simple, label and matrix styles, explode), with a literal `?`
 * or `#` of the template percent-encoded. Each template is parsed once: openapi-fetch's own runs
 * a regular expression and a string replacement per parameter on every call, a tenth of the
 * client's cost over plain fetch.
 */
export declare function literalSafePath(url: string, params: Record<string, unknown>): string;
/** openapi-fetch's per-call options, as far as the wrappers below read them. */
export type CallInit = Record<string, unknown> & {
    body?: unknown;
    headers?: unknown;
    middleware?: unknown[];
    fetch?: unknown;
};
type Send = (init: CallInit | undefined) => unknown;
/** A copy of an openapi-fetch client whose calls (`GET(path, init)`… and `request(method, path, init)`) go through `around`. */
export declare function aroundCalls<C extends object>(client: C, around: (method: string, path: string, init: CallInit | undefined, send: Send) => unknown): C;
/**
 * The openapi-fetch client of a generated package: resilientFetch, literal-safe paths, and no
 * Request built per call unless middleware (`use`, or a call's own `middleware`) or a call's own
 * `fetch` is there to receive one.
 */
export declare function createResilientClient<Paths extends {}>(options: ClientOptions, idempotencyKeyRoutes?: OperationRoute[]): Client<Paths>;
export {};

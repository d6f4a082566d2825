/**
 * The resilience every generated client gets, as a `fetch` for openapi-fetch:
 *  - a timeout per attempt;
 *  - retries on 429, 502, 503, 504 and network errors only, and only when a retry is safe: the method
 *    is idempotent, or the operation takes an Idempotency-Key (a 429 was not processed, so it is
 *    always retried);
 *  - exponential backoff with full jitter, honouring Retry-After (seconds or an HTTP date);
 *  - one Idempotency-Key per logical call, reused on every retry of that call;
 *  - a bearer-token provider asked again once after a 401;
 *  - a hook per attempt for logging and metrics.
 * Hand-written and tested in this repository; `apis generate` copies it into each client package.
 */

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

export type TokenProvider = (request: { forceRefresh: boolean }) => string | Promise<string>;

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

const RETRYABLE_STATUS = [429, 502, 503, 504];
const IDEMPOTENT_METHODS = ['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS'];

/** The delay before retry number `retry` (1-based): full jitter, or what Retry-After asks for. */
export function backoffDelay(
  retry: number,
  retryAfter: string | null,
  options: Required<RetryOptions>,
  random: () => number,
  now: number = Date.now(),
): number {
  const fromHeader = parseRetryAfter(retryAfter, now);
  if (fromHeader !== undefined) return Math.min(fromHeader, options.maxDelayMs);
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (retry - 1));
  return Math.floor(random() * ceiling);
}

/** Retry-After is either delay-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isFinite(date) ? Math.max(0, date - now) : undefined;
}

function routeMatcher(routes: OperationRoute[]): (method: string, pathname: string) => boolean {
  const compiled = routes.map((r) => ({
    method: r.method.toUpperCase(),
    re: new RegExp(`${r.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\\{[^}]+\\\}|\{[^}]+\}/g, '[^/]+')}$`),
  }));
  return (method, pathname) => compiled.some((r) => r.method === method && r.re.test(pathname));
}

/**
 * A fetch that applies the house resilience. `idempotencyKeyRoutes` are the operations that declare
 * an Idempotency-Key header: their calls get one generated key, reused on every retry.
 */
export function resilientFetch(options: ClientOptions, idempotencyKeyRoutes: OperationRoute[] = []): typeof fetch {
  const baseFetch = options.fetch ?? globalThis.fetch;
  const retry: Required<RetryOptions> = { attempts: 3, baseDelayMs: 1000, maxDelayMs: 30000, ...options.retry };
  const timeoutMs = options.timeoutMs ?? 10000;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const random = options.random ?? Math.random;
  const takesKey = routeMatcher(idempotencyKeyRoutes);

  return async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    // openapi-fetch hands over a ready Request: reuse it rather than building another.
    const original = input instanceof Request && init === undefined ? input : new Request(input, init);
    const method = original.method.toUpperCase();
    const url = new URL(original.url);
    const headers = new Headers(original.headers);
    const keyed = idempotencyKeyRoutes.length > 0 && takesKey(method, url.pathname);
    if (keyed && !headers.has('Idempotency-Key')) headers.set('Idempotency-Key', crypto.randomUUID());
    const body = original.body ? await original.arrayBuffer() : undefined;
    const safe = IDEMPOTENT_METHODS.includes(method) || keyed;
    const askToken = async (forceRefresh: boolean) => (options.token ? options.token({ forceRefresh }) : undefined);
    let token = await askToken(false);
    let refreshed = false;

    for (let attempt = 1; ; attempt++) {
      if (token !== undefined) headers.set('Authorization', `Bearer ${token}`);
      // One controller per attempt, aborted by the timeout or by the caller's own signal.
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(new DOMException(`the request timed out after ${timeoutMs} ms`, 'TimeoutError')), timeoutMs);
      const forward = () => controller.abort(original.signal.reason);
      original.signal.addEventListener('abort', forward, { once: true });
      const started = Date.now();
      let response: Response | undefined;
      let error: unknown;
      try {
        response = await baseFetch(url, { method, headers, body, signal: controller.signal, redirect: original.redirect });
      } catch (e) {
        error = e;
        if (original.signal.aborted) throw e; // the caller gave up: never retry that
      } finally {
        clearTimeout(timer);
        original.signal.removeEventListener('abort', forward);
      }
      const status = response?.status ?? null;
      if (status === 401 && options.token && !refreshed) {
        refreshed = true;
        token = await askToken(true);
        options.onAttempt?.({ method, url: url.href, attempt, status, durationMs: Date.now() - started, willRetry: true });
        await response?.body?.cancel();
        attempt--; // a token refresh is not a retry of the request
        continue;
      }
      const retryable = error !== undefined ? safe : status !== null && RETRYABLE_STATUS.includes(status) && (status === 429 || safe);
      const willRetry = retryable && attempt < retry.attempts;
      options.onAttempt?.({ method, url: url.href, attempt, status, durationMs: Date.now() - started, error, willRetry });
      if (!willRetry) {
        if (response) return response;
        throw error;
      }
      const delay = backoffDelay(attempt, response?.headers.get('Retry-After') ?? null, retry, random);
      await response?.body?.cancel();
      await sleep(delay);
    }
  };
}

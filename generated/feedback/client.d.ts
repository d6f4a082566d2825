import { type Client } from 'openapi-fetch';
import { type ClientOptions, type OperationRoute } from './runtime/client.js';
import { type MediaRoute } from './runtime/client-media.js';
import type { paths } from './schema.js';
export type { paths, components, operations } from './schema.js';
export type { AttemptInfo, ClientOptions, RetryOptions, TokenProvider } from './runtime/client.js';
/** Operations that take an Idempotency-Key: the client generates one per call and reuses it on every retry. */
export declare const idempotencyKeyRoutes: OperationRoute[];
/** Operations whose bodies are not JSON: how the client writes the request and reads the answer. */
export declare const mediaRoutes: MediaRoute[];
/**
 * A typed client for the Feedback API: timeouts, safe retries with backoff and Retry-After, one
 * Idempotency-Key per logical call, and a token refresh after a 401, all built in.
 */
export declare function createFeedbackClient(options: ClientOptions): Client<paths>;

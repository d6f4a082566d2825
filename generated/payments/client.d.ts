import { type ClientOptions, type OperationRoute } from '@acme/api-runtime/client';
import { type MediaRoute } from '@acme/api-runtime/client-media';
import { type PaginatingClient } from '@acme/api-runtime/paginate';
import type { paths } from './schema.js';
export type { paths, components, operations } from './schema.js';
export type { AttemptInfo, ClientOptions, RetryOptions, TokenProvider } from '@acme/api-runtime/client';
export { PageError, type ItemOf, type PageOf } from '@acme/api-runtime/paginate';
/** Operations that take an Idempotency-Key: the client generates one per call and reuses it on every retry. */
export declare const idempotencyKeyRoutes: OperationRoute[];
/** Operations whose bodies are not JSON: how the client writes the request and reads the answer. */
export declare const mediaRoutes: MediaRoute[];
/** The cursor-paginated list operations: where each keeps its cursor, its next cursor and its items. */
export declare const paginatedRoutes: {
    readonly '/v1/payment-events': {
        readonly cursor: "cursor";
        readonly next: "next_cursor";
        readonly items: "items";
    };
    readonly '/v1/payments': {
        readonly cursor: "cursor";
        readonly next: "next_cursor";
        readonly items: "items";
    };
    readonly '/v1/refunds': {
        readonly cursor: "cursor";
        readonly next: "next_cursor";
        readonly items: "items";
    };
};
/** The typed client, with `paginate(path, init)` over every item of a cursor-paginated list. */
export type PaymentsClient = PaginatingClient<paths, typeof paginatedRoutes>;
/**
 * A typed client for the Payments API: timeouts, safe retries with backoff and Retry-After, one
 * Idempotency-Key per logical call, and a token refresh after a 401, all built in.
 */
export declare function createPaymentsClient(options: ClientOptions): PaymentsClient;

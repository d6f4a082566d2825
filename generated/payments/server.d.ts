import type { Express } from 'express';
import { type OperationInfo, type ServerOptions } from '@acme/api-runtime/server';
import type { HandlersFor } from '@acme/api-runtime/types';
import type { paths } from './schema.js';
export { etagOf, forbidden, type Authenticate, type Credential, type FlagProvider, type ServerOptions, type UploadedFile } from '@acme/api-runtime/server';
export { MemoryIdempotencyStore, type IdempotencyStore } from '@acme/api-runtime/idempotency';
export { PostgresIdempotencyStore, idempotencyMigration, type PostgresStoreOptions, type Queryable } from '@acme/api-runtime/idempotency-postgres';
export type { HandlerContext, RequestOf, ResponseOf } from '@acme/api-runtime/types';
/** Handler names: each operation's operationId, or for one without, a name from its method and path. */
export type OperationId = 'cancelPayment' | 'capturePayment' | 'createPayment' | 'createRefund' | 'getPayment' | 'getRefund' | 'listPaymentEvents' | 'listPayments' | 'listRefunds';
/** Each handler's operation, as openapi-typescript types it. */
export interface OperationTypes {
    'cancelPayment': paths['/v1/payments/{payment_id}/cancel']['post'];
    'capturePayment': paths['/v1/payments/{payment_id}/capture']['post'];
    'createPayment': paths['/v1/payments']['post'];
    'createRefund': paths['/v1/refunds']['post'];
    'getPayment': paths['/v1/payments/{payment_id}']['get'];
    'getRefund': paths['/v1/refunds/{refund_id}']['get'];
    'listPaymentEvents': paths['/v1/payment-events']['get'];
    'listPayments': paths['/v1/payments']['get'];
    'listRefunds': paths['/v1/refunds']['get'];
}
/** One handler per operation, typed by the spec: requests in, declared responses out. */
export type Handlers<Principal = unknown> = HandlersFor<OperationTypes, OperationId, Principal>;
export declare const operationInfo: Record<OperationId, OperationInfo>;
/** The bundled spec the server validates against (next to this file, in the package and in the repository). */
export declare function spec(): Record<string, unknown>;
/**
 * The Payments API on express 5: every request and response validated against the spec, problem+json
 * errors, Idempotency-Key semantics and feature flags. Call `.listen()` on the result. With
 * `allowUnimplemented: true`, any subset of handlers will do: the others answer 501.
 */
export declare function createPaymentsServer<Principal = unknown>(handlers: Handlers<Principal>, options?: ServerOptions<Principal>): Express;
export declare function createPaymentsServer<Principal = unknown>(handlers: Partial<Handlers<Principal>>, options: ServerOptions<Principal> & {
    allowUnimplemented: true;
}): Express;

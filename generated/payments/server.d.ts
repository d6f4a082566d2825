import type { Express } from 'express';
import { type OperationInfo, type ServerOptions } from './runtime/server.js';
import type { HandlersFor } from './runtime/types.js';
import type { operations } from './schema.js';
export { etagOf, type FlagProvider, type ServerOptions } from './runtime/server.js';
export { MemoryIdempotencyStore, type IdempotencyStore } from './runtime/idempotency.js';
export { PostgresIdempotencyStore, idempotencyMigration, type PostgresStoreOptions, type Queryable } from './runtime/idempotency-postgres.js';
export type { HandlerContext, RequestOf, ResponseOf } from './runtime/types.js';
export type OperationId = 'cancelPayment' | 'capturePayment' | 'createPayment' | 'createRefund' | 'getPayment' | 'getRefund' | 'listPaymentEvents' | 'listPayments' | 'listRefunds';
/** One handler per operationId, typed by the spec: requests in, declared responses out. */
export type Handlers = HandlersFor<operations, OperationId>;
export declare const operationInfo: Record<OperationId, OperationInfo>;
/** The bundled spec the server validates against (next to this file, in the package and in the repository). */
export declare function spec(): Record<string, unknown>;
/**
 * The Payments API on express 5: every request and response validated against the spec, problem+json
 * errors, Idempotency-Key semantics and feature flags. Call `.listen()` on the result.
 */
export declare function createPaymentsServer(handlers: Handlers, options?: ServerOptions): Express;

import type { Express } from 'express';
import { type OperationInfo, type ServerOptions } from '@acme/api-runtime/server';
import type { HandlersFor } from '@acme/api-runtime/types';
import type { paths } from './schema.js';
export { etagOf, forbidden, type Authenticate, type Credential, type FlagProvider, type ServerOptions, type UploadedFile } from '@acme/api-runtime/server';
export { MemoryIdempotencyStore, type IdempotencyStore } from '@acme/api-runtime/idempotency';
export { PostgresIdempotencyStore, idempotencyMigration, type PostgresStoreOptions, type Queryable } from '@acme/api-runtime/idempotency-postgres';
export type { HandlerContext, RequestOf, ResponseOf } from '@acme/api-runtime/types';
/** Handler names: each operation's operationId, or for one without, a name from its method and path. */
export type OperationId = 'cancelOrder' | 'changeOrderDestination' | 'createOrder' | 'deleteWebhookEndpoint' | 'getOrder' | 'getWebhookEndpoint' | 'listCreatedOrdersHistory' | 'listOrderEvents' | 'listOrders' | 'putWebhookEndpoint';
/** Each handler's operation, as openapi-typescript types it. */
export interface OperationTypes {
    'cancelOrder': paths['/v1/orders/{order_id}']['delete'];
    'changeOrderDestination': paths['/v1/orders/{order_id}']['patch'];
    'createOrder': paths['/v1/orders']['post'];
    'deleteWebhookEndpoint': paths['/v1/webhook-endpoints/{endpoint_id}']['delete'];
    'getOrder': paths['/v1/orders/{order_id}']['get'];
    'getWebhookEndpoint': paths['/v1/webhook-endpoints/{endpoint_id}']['get'];
    'listCreatedOrdersHistory': paths['/v1/orders/created-history']['get'];
    'listOrderEvents': paths['/v1/order-events']['get'];
    'listOrders': paths['/v1/orders']['get'];
    'putWebhookEndpoint': paths['/v1/webhook-endpoints/{endpoint_id}']['put'];
}
/** One handler per operation, typed by the spec: requests in, declared responses out. */
export type Handlers<Principal = unknown> = HandlersFor<OperationTypes, OperationId, Principal>;
export declare const operationInfo: Record<OperationId, OperationInfo>;
/** The bundled spec the server validates against (next to this file, in the package and in the repository). */
export declare function spec(): Record<string, unknown>;
/**
 * The Orders API on express 5: every request and response validated against the spec, problem+json
 * errors, Idempotency-Key semantics and feature flags. Call `.listen()` on the result. With
 * `allowUnimplemented: true`, any subset of handlers will do: the others answer 501.
 */
export declare function createOrdersServer<Principal = unknown>(handlers: Handlers<Principal>, options?: ServerOptions<Principal>): Express;
export declare function createOrdersServer<Principal = unknown>(handlers: Partial<Handlers<Principal>>, options: ServerOptions<Principal> & {
    allowUnimplemented: true;
}): Express;

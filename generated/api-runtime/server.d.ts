import { type Express, type Request } from 'express';
import { type IdempotencyStore } from './idempotency.js';
import type { HandlerContext } from './types.js';
import { type Authenticate } from './security.js';
export type { UploadedFile } from './body.js';
export { forbidden, type Authenticate, type Credential, type Denied } from './security.js';
export interface OperationInfo {
    method: 'get' | 'put' | 'post' | 'delete' | 'patch' | 'head' | 'options' | 'trace';
    path: string;
    idempotencyKey: boolean;
    featureFlag?: string;
}
export interface FlagProvider {
    isEnabled(flag: string): boolean | Promise<boolean>;
}
export interface ServerOptions<Principal = unknown> {
    idempotencyStore?: IdempotencyStore;
    /** Operations marked x-feature-flag answer 404 while their flag is off. Default: every flag on. */
    flags?: FlagProvider;
    /** Validate handler responses against the spec (a violation becomes a 500). Default true. */
    validateResponses?: boolean;
    /** Check `format`s (date-time, email, uuid…) of requests and responses. Default true. */
    validateFormats?: boolean;
    /**
     * Where unexpected errors go (default: the server's stderr). The client only ever sees a generic
     * 500 problem whose `instance` (`urn:uuid:…`) is the id passed here, to find the full error in the log.
     */
    onError?: (error: unknown, request: Request, instance: string) => void;
    /** Retry-After of the 503 answered while the idempotency store cannot be reached. Default 1. */
    storeRetryAfterSeconds?: number;
    /**
     * Checks each credential the operation's security requirements ask for and returns the
     * principal (handed to the handler, and the scope of Idempotency-Keys), null for 401, or
     * `forbidden()` for 403. Without it, carrying the credentials is enough.
     */
    authenticate?: Authenticate<Principal>;
    /** Largest body other than multipart (bytes or '1mb'). Default '1mb'. */
    bodyLimit?: number | string;
    /** Largest file of a multipart request, in bytes. Default 10 MiB. */
    fileLimit?: number;
    /** Most files in one multipart request. Default 10. */
    maxFiles?: number;
    /** Start even when some operations have no handler (they answer 501). Default false; the generated `create…Server` types check it. */
    allowUnimplemented?: boolean;
}
export declare function etagOf(body: unknown): string;
export { routeOrder } from './router.js';
export declare function createApiServer<Principal = unknown>(spec: Record<string, unknown>, operations: Record<string, OperationInfo>, handlers: Record<string, (request: never, context: HandlerContext<Principal>) => unknown>, options?: ServerOptions<Principal>): Express;

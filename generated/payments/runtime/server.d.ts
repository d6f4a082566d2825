import { type Express, type Request } from 'express';
import { type IdempotencyStore } from './idempotency.js';
import type { HandlerContext } from './types.js';
export interface OperationInfo {
    method: 'get' | 'put' | 'post' | 'delete' | 'patch' | 'head' | 'options';
    path: string;
    idempotencyKey: boolean;
    featureFlag?: string;
}
export interface FlagProvider {
    isEnabled(flag: string): boolean | Promise<boolean>;
}
export interface ServerOptions {
    idempotencyStore?: IdempotencyStore;
    /** Operations marked x-feature-flag answer 404 while their flag is off. Default: every flag on. */
    flags?: FlagProvider;
    /** Validate handler responses against the spec (a violation becomes a 500). Default true. */
    validateResponses?: boolean;
    /**
     * Where unexpected errors go (default: the server's stderr). The client only ever sees a generic
     * 500 problem whose `instance` (`urn:uuid:…`) is the id passed here, to find the full error in the log.
     */
    onError?: (error: unknown, request: Request, instance: string) => void;
    /** Retry-After of the 503 answered while the idempotency store cannot be reached. Default 1. */
    storeRetryAfterSeconds?: number;
}
export declare function etagOf(body: unknown): string;
/** Whether following internal $refs from some node can lead back to it. */
export declare function hasRefCycle(spec: Record<string, unknown>): boolean;
/** Sorts routes so that, segment by segment, a literal comes before a template; otherwise the document's order. */
export declare function routeOrder(a: string, b: string): number;
export declare function createApiServer(spec: Record<string, unknown>, operations: Record<string, OperationInfo>, handlers: Record<string, (request: never, context: HandlerContext) => unknown>, options?: ServerOptions): Express;

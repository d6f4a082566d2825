import type { RequestHandler } from 'msw';
import { type MockHandlerOptions } from '@acme/api-runtime/msw';
export type { MockHandlerOptions } from '@acme/api-runtime/msw';
/**
 * MSW request handlers for the Feedback API, for unit tests without a mock server: the
 * answers `apis mock` gives (the spec's examples, `Prefer: code=… example=…`, 400 problems for
 * invalid requests, 401 without credentials, Idempotency-Key replays), under `options.baseUrl`.
 */
export declare function feedbackHandlers(options: MockHandlerOptions): RequestHandler[];

import { mockHandlers } from '@acme/api-runtime/msw';
import document from './openapi.json' with { type: 'json' };
/**
 * MSW request handlers for the Payments API, for unit tests without a mock server: the
 * answers `apis mock` gives (the spec's examples, `Prefer: code=… example=…`, 400 problems for
 * invalid requests, 401 without credentials, Idempotency-Key replays), under `options.baseUrl`.
 */
export function paymentsHandlers(options) {
    return mockHandlers(document, options);
}

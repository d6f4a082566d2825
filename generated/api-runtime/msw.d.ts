/**
 * MSW 2 request handlers answering as `apis mock` does (mock.ts), for unit tests of web and React
 * Native apps with no mock server running. Loaded only when a domain's `./msw` is imported.
 */
import { type RequestHandler } from 'msw';
export interface MockHandlerOptions {
    /** Where the application sends this API's requests, e.g. https://api.acme-platform.com/payments. */
    baseUrl: string;
}
/** One handler for every request under `baseUrl`: each answered from the spec like `apis mock`. */
export declare function mockHandlers(document: Record<string, unknown>, options: MockHandlerOptions): RequestHandler[];

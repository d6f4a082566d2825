type Json = Record<string, unknown>;
export interface MockRequest {
    method: string;
    /** The path inside the API (after its base URL), still percent-encoded. */
    path: string;
    /** The query string without `?`. */
    query: string;
    /** Lower-case names. */
    headers: Record<string, string>;
    /** The body as text, or undefined. */
    body: string | undefined;
}
export interface MockAnswer {
    status: number;
    /** Lower-case names. */
    headers: Record<string, string>;
    body: string | undefined;
}
/** Prefer: code=404, example=declined (RFC 7240, as Prism reads it), or Prism's `__code` and `__example` query parameters. */
export declare function mockPreferences(headers: Record<string, string>, query: URLSearchParams): {
    code?: number;
    example?: string;
} | string;
/** The declared media type the Accept header prefers, as Prism picks it (the `accepts` package, on negotiator). */
export declare function preferredMediaType(accept: string, declared: string[]): string | undefined;
export declare class MockResponder {
    private readonly spec;
    private readonly router;
    private readonly validator;
    private readonly idempotency;
    constructor(spec: Json);
    respond(request: MockRequest): Promise<MockAnswer>;
    /** The request checked, then the declared response chosen; `processed` is false for a refusal. */
    private answer;
    /** 401, 415, then 400 with every violation, worded as the generated server words them. */
    private refusal;
    /** Prism's static negotiation: the response, its media type, its example and its headers. */
    private negotiate;
    /** Each declared header: its first example, else a sample of its schema when that is a string or a number. */
    private mockedHeaders;
}
export {};

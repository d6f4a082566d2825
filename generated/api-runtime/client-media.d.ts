export interface FieldEncoding {
    style?: string;
    explode?: boolean;
}
export interface MediaRoute {
    method: string;
    path: string;
    /** The request media type, when it is not JSON. */
    request?: string;
    /** Form and multipart fields' `encoding`. */
    encoding?: Record<string, FieldEncoding>;
    /** How to read a successful answer that is not JSON. */
    parseAs?: 'text' | 'blob';
}
/**
 * Paths as openapi-fetch fills them in, with a literal `?` or `#` of the template percent-encoded:
 * left as they are they would start the query or the fragment (OpenAPI allows them in paths).
 */
export declare function literalSafePath(url: string, params: Record<string, unknown>): string;
/** `application/x-www-form-urlencoded` as OpenAPI serialises form fields (style form, explode by default). */
export declare function formBody(body: unknown, encoding?: Record<string, FieldEncoding>): string;
/** `multipart/form-data`: Blobs and Files as file parts, objects as JSON parts, the rest as text. */
export declare function multipartBody(body: unknown): FormData;
/** The openapi-fetch client with each route's media types applied; the client itself when every route is JSON. */
export declare function withMediaTypes<C extends object>(client: C, routes: MediaRoute[]): C;

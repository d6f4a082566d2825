/** Kept here too for packages generated before 1.1.0, which import it from this module. */
export { literalSafePath } from './client.js';
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
/** `application/x-www-form-urlencoded` as OpenAPI serialises form fields (style form, explode by default). */
export declare function formBody(body: unknown, encoding?: Record<string, FieldEncoding>): string;
/** `multipart/form-data`: Blobs and Files as file parts, objects as JSON parts, the rest as text. */
export declare function multipartBody(body: unknown): FormData;
/** The openapi-fetch client with each route's media types applied; the client itself when every route is JSON. */
export declare function withMediaTypes<C extends object>(client: C, routes: MediaRoute[]): C;

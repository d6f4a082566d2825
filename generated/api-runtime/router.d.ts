export interface RouteMatch<T> {
    route: T;
    path: string;
    /** The path parameters, percent-decoded. */
    params: Record<string, string>;
}
export declare const escapeRegExp: (text: string) => string;
/**
 * Sorts templates so that, segment by segment, a literal comes before a template, and a template
 * with more literal text before one with less; then fewer segments first; then by text (paths that
 * tie this far never match the same URL, but the order stays the same whatever the document's). Compared as keys, so the order is consistent (a comparator that only ranks some pairs
 * lets the sort put `/v1/orders/{id}` before `/v1/orders/history`).
 */
export declare function routeOrder(a: string, b: string): number;
export declare class MalformedPathError extends Error {
    readonly parameter: string;
    constructor(parameter: string);
}
export declare class Router<T> {
    private readonly bySegments;
    constructor(routes: Iterable<[path: string, route: T]>);
    /**
     * The route for `pathname` (still percent-encoded), or undefined; throws MalformedPathError for a
     * bad escape. Templates of the same shape (GitHub declares `GET /orgs/{org}/attestations/{subject_digest}`
     * beside `DELETE /orgs/{org}/attestations/{attestation_id}`) are one URL: the first that `accepts`
     * (has the method) wins, else the first that matched (for a 405).
     */
    match(pathname: string, accepts?: (route: T) => boolean): RouteMatch<T> | undefined;
    private matchExactly;
}

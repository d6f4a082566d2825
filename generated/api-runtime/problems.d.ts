export interface Problem {
    type: string;
    title: string;
    status: number;
    detail?: string;
    instance?: string;
    errors?: ProblemError[];
}
export interface ProblemError {
    pointer: string;
    detail: string;
}
export declare const PROBLEM_BASE = "https://api.acme-platform.com/problems/";
/** What the house says a status means, for operations (or paths) that declare nothing of their own. */
export declare function defaultProblem(status: number): {
    type: string;
    title: string;
};
type Json = Record<string, unknown>;
/**
 * The `type` and `title` an operation declares for `status` (from the example of its response,
 * or of its 4XX/5XX or default response), else the house default.
 */
export declare function declaredProblem(spec: Json, operation: Json | undefined, status: number): {
    type: string;
    title: string;
};
export type RequestPart = 'path' | 'query' | 'header' | 'cookie' | 'body';
/** `/body/a/0/b`, `/query/limit`, `/header/idempotency-key`: header names are case-insensitive, so lower-cased. */
export declare function requestPointer(part: RequestPart, segments: ReadonlyArray<string | number>): string;
/** 400 for a request that breaks the contract, every violation listed, in pointer order (validators differ in theirs). */
export declare function invalidRequestProblem(declared: {
    type: string;
    title: string;
}, unordered: ProblemError[]): Problem;
/** Fixed details for the refusals both answer the same way, so their bodies match word for word. */
export declare const DETAILS: {
    readonly unauthorized: "The request does not carry the credentials this operation requires.";
    readonly noRoute: "No operation of this API has this path.";
    readonly noMethod: "This path has no operation for this method.";
    readonly unsupportedMediaType: "The operation does not accept this Content-Type.";
};
export {};

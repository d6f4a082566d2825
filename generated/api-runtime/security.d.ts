interface Common {
    /** The scheme's name in components.securitySchemes. */
    scheme: string;
    /** The scopes the operation's requirement lists for this scheme. */
    scopes: string[];
}
export type Credential = (Common & {
    type: 'apiKey';
    in: 'header' | 'query' | 'cookie';
    name: string;
    value: string;
}) | (Common & {
    type: 'http';
    httpScheme: 'bearer';
    token: string;
}) | (Common & {
    type: 'http';
    httpScheme: 'basic';
    username: string;
    password: string;
})
/** Any other HTTP authentication scheme (digest, hoba…): its name and the rest of the Authorization header. */
 | (Common & {
    type: 'http';
    httpScheme: 'other';
    authScheme: string;
    value: string;
}) | (Common & {
    type: 'oauth2' | 'openIdConnect';
    token: string;
}) | (Common & {
    type: 'mutualTLS';
});
declare const DENIED: unique symbol;
/** What `authenticate` returns to refuse with 403 (valid credentials, not allowed here). */
export interface Denied {
    readonly [DENIED]: true;
    readonly detail: string | undefined;
}
export declare function forbidden(detail?: string): Denied;
export declare const isDenied: (value: unknown) => value is Denied;
export interface AuthenticationRequest {
    operationId: string;
    method: string;
    path: string;
}
/**
 * The application's check of one credential: a principal (any value but null and undefined) to let
 * the request in, null or undefined for 401, `forbidden()` for 403.
 */
export type Authenticate<Principal> = (credential: Credential, request: AuthenticationRequest) => Principal | Denied | null | undefined | Promise<Principal | Denied | null | undefined>;
export interface RequestCredentials {
    header(name: string): string | undefined;
    query(name: string): string | undefined;
    cookie(name: string): string | undefined;
    tlsAuthorized: boolean;
}
/** The security requirements that apply to an operation: its own, else the document's. */
export declare function requirementsOf(spec: Record<string, unknown>, operation: Record<string, unknown> | undefined): Array<Record<string, string[]>>;
export type Authentication<Principal> = {
    outcome: 'allowed';
    principal: Principal | undefined;
} | {
    outcome: 401;
} | {
    outcome: 403;
    detail: string | undefined;
};
/**
 * Tries each requirement (alternatives) in order; within one, every scheme must be satisfied. The
 * principal is the one the hook returned for the first scheme of the first requirement that passes.
 */
export declare function authenticateRequest<Principal>(spec: Record<string, unknown>, requirements: Array<Record<string, string[]>>, from: RequestCredentials, request: AuthenticationRequest, authenticate: Authenticate<Principal> | undefined): Promise<Authentication<Principal>>;
export {};

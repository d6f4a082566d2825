/**
 * The credentials each security scheme of an operation asks for, read from the request (apiKey in
 * header, query or cookie; http bearer, basic or another scheme; oauth2 and openIdConnect bearer
 * tokens), and the application's `authenticate` hook that turns them into a principal. Without a
 * hook, a request carrying the credentials of one requirement passes, as before; with it, only one
 * the hook accepts. Imports nothing of the repository: copied into generated packages.
 */
import { followRef, isObject } from './local-ref.js';

interface Common {
  /** The scheme's name in components.securitySchemes. */
  scheme: string;
  /** The scopes the operation's requirement lists for this scheme. */
  scopes: string[];
}

export type Credential =
  | (Common & { type: 'apiKey'; in: 'header' | 'query' | 'cookie'; name: string; value: string })
  | (Common & { type: 'http'; httpScheme: 'bearer'; token: string })
  | (Common & { type: 'http'; httpScheme: 'basic'; username: string; password: string })
  /** Any other HTTP authentication scheme (digest, hoba…): its name and the rest of the Authorization header. */
  | (Common & { type: 'http'; httpScheme: 'other'; authScheme: string; value: string })
  | (Common & { type: 'oauth2' | 'openIdConnect'; token: string })
  | (Common & { type: 'mutualTLS' });

const DENIED: unique symbol = Symbol('denied');

/** What `authenticate` returns to refuse with 403 (valid credentials, not allowed here). */
export interface Denied {
  readonly [DENIED]: true;
  readonly detail: string | undefined;
}

export function forbidden(detail?: string): Denied {
  return { [DENIED]: true, detail };
}

export const isDenied = (value: unknown): value is Denied => typeof value === 'object' && value !== null && DENIED in value;

export interface AuthenticationRequest {
  operationId: string;
  method: string;
  path: string;
}

/**
 * The application's check of one credential: a principal (any value but null and undefined) to let
 * the request in, null or undefined for 401, `forbidden()` for 403.
 */
export type Authenticate<Principal> = (
  credential: Credential,
  request: AuthenticationRequest,
) => Principal | Denied | null | undefined | Promise<Principal | Denied | null | undefined>;

export interface RequestCredentials {
  header(name: string): string | undefined;
  query(name: string): string | undefined;
  cookie(name: string): string | undefined;
  tlsAuthorized: boolean;
}

function credentialOf(scheme: string, definition: Record<string, unknown>, scopes: string[], from: RequestCredentials): Credential | undefined {
  const type = definition.type;
  if (type === 'apiKey' && typeof definition.name === 'string' && (definition.in === 'header' || definition.in === 'query' || definition.in === 'cookie')) {
    const value = from[definition.in](definition.name);
    return value === undefined || value === '' ? undefined : { scheme, scopes, type, in: definition.in, name: definition.name, value };
  }
  if (type === 'mutualTLS') return from.tlsAuthorized ? { scheme, scopes, type } : undefined;
  const authorization = from.header('authorization') ?? '';
  const [given, ...rest] = authorization.split(' ');
  const value = rest.join(' ').trim();
  if (value === '') return undefined;
  const wanted = type === 'http' && typeof definition.scheme === 'string' ? definition.scheme.toLowerCase() : 'bearer';
  if (given.toLowerCase() !== wanted) return undefined;
  if (type === 'oauth2' || type === 'openIdConnect') return { scheme, scopes, type, token: value };
  if (type !== 'http') return undefined;
  if (wanted === 'bearer') return { scheme, scopes, type, httpScheme: 'bearer', token: value };
  if (wanted === 'basic') {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return undefined;
    return { scheme, scopes, type, httpScheme: 'basic', username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
  }
  return { scheme, scopes, type, httpScheme: 'other', authScheme: wanted, value };
}

/** The security requirements that apply to an operation: its own, else the document's. */
export function requirementsOf(spec: Record<string, unknown>, operation: Record<string, unknown> | undefined): Array<Record<string, string[]>> {
  const list = Array.isArray(operation?.security) ? operation.security : Array.isArray(spec.security) ? spec.security : [];
  return list.filter(isObject) as Array<Record<string, string[]>>;
}

export type Authentication<Principal> =
  | { outcome: 'allowed'; principal: Principal | undefined }
  | { outcome: 401 }
  | { outcome: 403; detail: string | undefined };

/**
 * Tries each requirement (alternatives) in order; within one, every scheme must be satisfied. The
 * principal is the one the hook returned for the first scheme of the first requirement that passes.
 */
export async function authenticateRequest<Principal>(
  spec: Record<string, unknown>,
  requirements: Array<Record<string, string[]>>,
  from: RequestCredentials,
  request: AuthenticationRequest,
  authenticate: Authenticate<Principal> | undefined,
): Promise<Authentication<Principal>> {
  if (requirements.length === 0) return { outcome: 'allowed', principal: undefined };
  const schemes = followRef(spec, (spec.components as Record<string, unknown> | undefined)?.securitySchemes);
  let denied: Denied | undefined;
  alternatives: for (const requirement of requirements) {
    let principal: Principal | undefined;
    for (const [name, scopes] of Object.entries(requirement)) {
      const definition = isObject(schemes) ? followRef(spec, schemes[name]) : undefined;
      if (!isObject(definition)) continue alternatives;
      const credential = credentialOf(name, definition, Array.isArray(scopes) ? scopes.map(String) : [], from);
      if (!credential) continue alternatives;
      if (!authenticate) continue;
      const answer = await authenticate(credential, request);
      if (isDenied(answer)) {
        denied ??= answer;
        continue alternatives;
      }
      if (answer === null || answer === undefined) continue alternatives;
      principal ??= answer;
    }
    return { outcome: 'allowed', principal };
  }
  return denied ? { outcome: 403, detail: denied.detail } : { outcome: 401 };
}

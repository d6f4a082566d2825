/**
 * The credentials each security scheme of an operation asks for, read from the request (apiKey in
 * header, query or cookie; http bearer, basic or another scheme; oauth2 and openIdConnect bearer
 * tokens), and the application's `authenticate` hook that turns them into a principal. Without a
 * hook, a request carrying the credentials of one requirement passes, as before; with it, only one
 * the hook accepts. Imports nothing of the repository: copied into generated packages.
 */
import { followRef, isObject } from './local-ref.js';
const DENIED = Symbol('denied');
export function forbidden(detail) {
    return { [DENIED]: true, detail };
}
export const isDenied = (value) => typeof value === 'object' && value !== null && DENIED in value;
function credentialOf(scheme, definition, scopes, from) {
    const type = definition.type;
    if (type === 'apiKey' && typeof definition.name === 'string' && (definition.in === 'header' || definition.in === 'query' || definition.in === 'cookie')) {
        const value = from[definition.in](definition.name);
        return value === undefined || value === '' ? undefined : { scheme, scopes, type, in: definition.in, name: definition.name, value };
    }
    if (type === 'mutualTLS')
        return from.tlsAuthorized ? { scheme, scopes, type } : undefined;
    const authorization = from.header('authorization') ?? '';
    const [given, ...rest] = authorization.split(' ');
    const value = rest.join(' ').trim();
    if (value === '')
        return undefined;
    const wanted = type === 'http' && typeof definition.scheme === 'string' ? definition.scheme.toLowerCase() : 'bearer';
    if (given.toLowerCase() !== wanted)
        return undefined;
    if (type === 'oauth2' || type === 'openIdConnect')
        return { scheme, scopes, type, token: value };
    if (type !== 'http')
        return undefined;
    if (wanted === 'bearer')
        return { scheme, scopes, type, httpScheme: 'bearer', token: value };
    if (wanted === 'basic') {
        const decoded = Buffer.from(value, 'base64').toString('utf8');
        const colon = decoded.indexOf(':');
        if (colon < 0)
            return undefined;
        return { scheme, scopes, type, httpScheme: 'basic', username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
    }
    return { scheme, scopes, type, httpScheme: 'other', authScheme: wanted, value };
}
/** The security requirements that apply to an operation: its own, else the document's. */
export function requirementsOf(spec, operation) {
    const list = Array.isArray(operation?.security) ? operation.security : Array.isArray(spec.security) ? spec.security : [];
    return list.filter(isObject);
}
/**
 * Tries each requirement (alternatives) in order; within one, every scheme must be satisfied. The
 * principal is the one the hook returned for the first scheme of the first requirement that passes.
 */
export async function authenticateRequest(spec, requirements, from, request, authenticate) {
    if (requirements.length === 0)
        return { outcome: 'allowed', principal: undefined };
    const schemes = followRef(spec, spec.components?.securitySchemes);
    let denied;
    alternatives: for (const requirement of requirements) {
        let principal;
        for (const [name, scopes] of Object.entries(requirement)) {
            const definition = isObject(schemes) ? followRef(spec, schemes[name]) : undefined;
            if (!isObject(definition))
                continue alternatives;
            const credential = credentialOf(name, definition, Array.isArray(scopes) ? scopes.map(String) : [], from);
            if (!credential)
                continue alternatives;
            if (!authenticate)
                continue;
            const answer = await authenticate(credential, request);
            if (isDenied(answer)) {
                denied ??= answer;
                continue alternatives;
            }
            if (answer === null || answer === undefined)
                continue alternatives;
            principal ??= answer;
        }
        return { outcome: 'allowed', principal };
    }
    return denied ? { outcome: 403, detail: denied.detail } : { outcome: 401 };
}

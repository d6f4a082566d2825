/**
 * Routing as OpenAPI defines it. Express's router (path-to-regexp) reads `:`, `(`, `?`, `!`, `*`
 * and `-` in a path as its own syntax, so `/v1/{name}:cancel` threw at start and `{team-id}` never
 * matched; here a path template is only literal text and `{name}` expressions, each matching one
 * non-empty segment part. Literal segments win over templated ones whatever the document order
 * (`/movies/popular` before `/movies/{id}`), then templates with more literal text (`{id}.json`
 * before `{id}`). Routes are compiled once, at start, and grouped by segment count.
 * Copied into generated packages with the rest of the runtime.
 */
import { RE2JS } from 're2js';
export const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/**
 * Literal template text as a request may carry it: a character outside the unreserved set also as
 * its percent-encoding (`?` can only arrive as `%3F`, `(` as itself or `%28`), hex in either case.
 */
function literal(text) {
    return [...text]
        .map((c) => {
        if (/[A-Za-z0-9\-._~/]/.test(c))
            return escapeRegExp(c);
        const encoded = [...new TextEncoder().encode(c)].map((byte) => {
            const hex = byte.toString(16).toUpperCase().padStart(2, '0');
            return `%[${hex[0]}${hex[0].toLowerCase()}][${hex[1]}${hex[1].toLowerCase()}]`;
        });
        const alternative = `|${encoded.join('')}`;
        return `(?:${escapeRegExp(c)}${alternative})`;
    })
        .join('');
}
/**
 * Sorts templates so that, segment by segment, a literal comes before a template, and a template
 * with more literal text before one with less; then fewer segments first; then by text (paths that
 * tie this far never match the same URL, but the order stays the same whatever the document's). Compared as keys, so the order is consistent (a comparator that only ranks some pairs
 * lets the sort put `/v1/orders/{id}` before `/v1/orders/history`).
 */
export function routeOrder(a, b) {
    const left = a.split('/');
    const right = b.split('/');
    for (let i = 0; i < Math.min(left.length, right.length); i++) {
        const templated = [left[i].includes('{'), right[i].includes('{')];
        if (templated[0] !== templated[1])
            return templated[0] ? 1 : -1;
        if (templated[0]) {
            const literal = [literalLength(left[i]), literalLength(right[i])];
            if (literal[0] !== literal[1])
                return literal[1] - literal[0];
        }
    }
    return left.length - right.length || (a < b ? -1 : a > b ? 1 : 0);
}
const literalLength = (segment) => segment.replace(/\{[^}]*\}/g, '').length;
function compile(path, route) {
    const names = [];
    let source = '';
    let rest = path;
    for (let match = /\{([^{}]+)\}/.exec(rest); match; match = /\{([^{}]+)\}/.exec(rest)) {
        source += literal(rest.slice(0, match.index));
        names.push(match[1]);
        // Lazy, so `{name}:cancel` and `{id}.json` leave their literal suffix to match.
        source += '([^/]+?)';
        rest = rest.slice(match.index + match[0].length);
    }
    source += literal(rest);
    return { path, route, names, match: matcherFor(`^${source}$`, path) };
}
/**
 * Native regular expressions, except where a segment holds two or more expressions
 * (`/{a}-{b}-{c}`): each lazy group then backtracks over the others, polynomial in the length of
 * the URL, and both come from outside (the spec's author, the caller). Those run on RE2 (linear).
 */
function matcherFor(source, path) {
    const backtracks = path.split('/').some((segment) => (segment.match(/\{[^{}]+\}/g)?.length ?? 0) > 1);
    if (!backtracks) {
        const regexp = new RegExp(source);
        return (pathname) => regexp.exec(pathname)?.slice(1) ?? null;
    }
    const pattern = RE2JS.compile(source);
    const groups = (path.match(/\{[^{}]+\}/g) ?? []).length;
    return (pathname) => {
        const matcher = pattern.matcher(pathname);
        if (!matcher.matches())
            return null;
        return Array.from({ length: groups }, (_, i) => matcher.group(i + 1) ?? '');
    };
}
export class MalformedPathError extends Error {
    parameter;
    constructor(parameter) {
        super(`the path parameter ${parameter} is not valid percent-encoding`);
        this.parameter = parameter;
    }
}
export class Router {
    bySegments = new Map();
    constructor(routes) {
        const all = [...routes].sort(([a], [b]) => routeOrder(a, b));
        for (const [path, route] of all) {
            const compiled = compile(path, route);
            const segments = path.split('/').length;
            const list = this.bySegments.get(segments) ?? [];
            list.push(compiled);
            this.bySegments.set(segments, list);
        }
    }
    /**
     * The route for `pathname` (still percent-encoded), or undefined; throws MalformedPathError for a
     * bad escape. Templates of the same shape (GitHub declares `GET /orgs/{org}/attestations/{subject_digest}`
     * beside `DELETE /orgs/{org}/attestations/{attestation_id}`) are one URL: the first that `accepts`
     * (has the method) wins, else the first that matched (for a 405).
     */
    match(pathname, accepts = () => true) {
        // `/collection/` and `/collection` are two paths to OpenAPI (VTEX declares both); a trailing
        // slash the spec does not have is tolerated, as express did.
        return (this.matchExactly(pathname, accepts) ?? (pathname.length > 1 && pathname.endsWith('/') ? this.matchExactly(pathname.slice(0, -1), accepts) : undefined));
    }
    matchExactly(pathname, accepts) {
        const segments = pathname.split('/').length;
        let fallback;
        for (const candidate of this.bySegments.get(segments) ?? []) {
            const found = candidate.match(pathname);
            if (!found)
                continue;
            const params = {};
            candidate.names.forEach((name, i) => {
                try {
                    params[name] = decodeURIComponent(found[i]);
                }
                catch {
                    throw new MalformedPathError(name);
                }
            });
            const match = { route: candidate.route, path: candidate.path, params };
            if (accepts(candidate.route))
                return match;
            fallback ??= match;
        }
        return fallback;
    }
}

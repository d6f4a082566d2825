/**
 * The one problem shape (RFC 9457) that `apis mock` and every generated server answer with, so a
 * client written against the mock meets the same bodies in production:
 *  - `type` and `title`: the operation's own declared problem for that status (its example), else
 *    the house default below;
 *  - invalid requests: 400 with `errors: [{pointer, detail}]`, pointers into the request as
 *    `/path/<name>`, `/query/<name>`, `/header/<lower-case name>`, `/cookie/<name>` and
 *    `/body/<json pointer>`, naming the missing or unexpected property itself.
 * Copied into generated packages with the rest of the runtime.
 */
import { declaredResponse, followRef, isObject } from './local-ref.js';
export const PROBLEM_BASE = 'https://api.acme-platform.com/problems/';
const DEFAULTS = {
    400: ['validation', 'The request is not valid'],
    401: ['unauthorized', 'Authentication required'],
    403: ['forbidden', 'Not allowed'],
    404: ['not-found', 'Not found'],
    405: ['method-not-allowed', 'Method not allowed'],
    406: ['not-acceptable', 'Not acceptable'],
    409: ['conflict', 'Conflict'],
    412: ['precondition-failed', 'The resource was changed meanwhile'],
    413: ['too-large', 'Request too large'],
    415: ['unsupported-media-type', 'Unsupported media type'],
    428: ['precondition-required', 'If-Match is required'],
    429: ['rate-limited', 'Too many requests'],
    500: ['internal', 'Internal error'],
    501: ['not-implemented', 'Not implemented'],
    502: ['bad-gateway', 'Bad gateway'],
    503: ['unavailable', 'Service unavailable'],
    504: ['gateway-timeout', 'Gateway timeout'],
};
/** What the house says a status means, for operations (or paths) that declare nothing of their own. */
export function defaultProblem(status) {
    const [slug, title] = DEFAULTS[status] ?? [String(status), status >= 500 ? 'Server error' : 'Request refused'];
    return { type: `${PROBLEM_BASE}${slug}`, title };
}
/**
 * The `type` and `title` an operation declares for `status` (from the example of its response,
 * or of its 4XX/5XX or default response), else the house default.
 */
export function declaredProblem(spec, operation, status) {
    const fallback = defaultProblem(status);
    const response = declaredResponse(spec, operation, status);
    if (!response || !isObject(response.content))
        return fallback;
    for (const media of Object.values(response.content)) {
        if (!isObject(media))
            continue;
        const examples = isObject(media.examples) ? Object.values(media.examples).map((e) => followRef(spec, e)) : [];
        const schema = followRef(spec, media.schema);
        const example = media.example ?? (isObject(examples[0]) ? examples[0].value : undefined) ?? (isObject(schema) ? schema.example : undefined);
        if (isObject(example) && typeof example.type === 'string' && typeof example.title === 'string')
            return { type: example.type, title: example.title };
    }
    return fallback;
}
/** `/body/a/0/b`, `/query/limit`, `/header/idempotency-key`: header names are case-insensitive, so lower-cased. */
export function requestPointer(part, segments) {
    const names = part === 'header' ? segments.map((s) => String(s).toLowerCase()) : segments.map(String);
    return ['', part, ...names.map((s) => s.replace(/~/g, '~0').replace(/\//g, '~1'))].join('/');
}
/** 400 for a request that breaks the contract, every violation listed, in pointer order (validators differ in theirs). */
export function invalidRequestProblem(declared, unordered) {
    const errors = [...unordered].sort((a, b) => compare(a.pointer, b.pointer) || compare(a.detail, b.detail));
    const first = errors[0] ? `${errors[0].pointer} ${errors[0].detail}` : '';
    return {
        ...declared,
        status: 400,
        detail: `${errors.length} violation${errors.length === 1 ? '' : 's'} of the contract${first ? `: ${first}` : ''}`,
        errors,
    };
}
const compare = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
/** Fixed details for the refusals both answer the same way, so their bodies match word for word. */
export const DETAILS = {
    unauthorized: 'The request does not carry the credentials this operation requires.',
    noRoute: 'No operation of this API has this path.',
    noMethod: 'This path has no operation for this method.',
    unsupportedMediaType: 'The operation does not accept this Content-Type.',
};

/**
 * Mounts typed handlers on express 5: routing as OpenAPI defines it (router.ts), request and
 * response validation against the spec (validation.ts), bodies of every declared media type
 * (body.ts), security through the application's `authenticate` hook (security.ts), every error as
 * application/problem+json (RFC 9457) without internals, Idempotency-Key semantics scoped by
 * principal, ETag/If-Match helpers, and feature flags that switch operations off at runtime (404)
 * without a release. Hand-written and tested in this repository; `apis generate` copies it into
 * each server package.
 */
import { createHash, randomUUID } from 'node:crypto';
import { parse as parseCookies } from 'cookie';
import express from 'express';
import { BodyError, readBody, withFilesAsStrings, withFilesRestored } from './body.js';
import { MemoryIdempotencyStore } from './idempotency.js';
import { canonicalJson } from './canonical.js';
import { declaredResponse, followRef, isObject } from './local-ref.js';
import { DETAILS, declaredProblem, defaultProblem, invalidRequestProblem } from './problems.js';
import { MalformedPathError, Router } from './router.js';
import { authenticateRequest, requirementsOf } from './security.js';
import { bodyKind, matchMedia, mediaTypeOf } from './media.js';
import { parameterErrors, parameterValues, problemErrors, SpecValidator } from './validation.js';
export { forbidden } from './security.js';
/** An error thrown by a handler: whatever it says (a database host, a query) stays in the log. */
class HandlerFailure extends Error {
    original;
    constructor(original) {
        super('handler failed');
        this.original = original;
    }
}
/** A handler's answer that the spec does not allow. */
class ContractViolation extends Error {
}
const isStream = (body) => typeof body === 'object' && body !== null && typeof body.pipe === 'function';
/**
 * One way to answer, for the first response and its idempotent replay alike: the status the handler
 * chose (any declared one: an error body need not carry a `status` field), the media type the spec
 * declares for it (or the handler's Content-Type), the handler's headers. JSON is serialised; text
 * goes as it is; bytes and streams as bytes.
 */
function sendResult(res, result, mediaType, extraHeaders = {}) {
    res
        .status(result.status)
        .set(result.headers ?? {})
        .set(extraHeaders);
    if (result.body === undefined) {
        res.end();
        return;
    }
    const binary = Buffer.isBuffer(result.body) || result.body instanceof Uint8Array || isStream(result.body);
    const declared = mediaType && !mediaType.includes('*') ? mediaType : undefined;
    const fallback = binary ? 'application/octet-stream' : typeof result.body === 'string' && !declared ? 'text/plain' : 'application/json';
    const type = res.get('Content-Type') ?? declared ?? (result.status >= 400 && !binary ? 'application/problem+json' : fallback);
    res.type(type);
    if (isStream(result.body)) {
        result.body.pipe(res);
        return;
    }
    if (bodyKind(mediaTypeOf(type)) === 'json' && !binary)
        res.send(JSON.stringify(result.body));
    else
        res.send(binary || typeof result.body === 'string' ? result.body : String(result.body));
}
/** The first media type the operation declares for `status` (its exact code, class or default response). */
function declaredMediaType(spec, operation, status) {
    const content = declaredResponse(spec, operation, status)?.content;
    return isObject(content) ? Object.keys(content)[0] : undefined;
}
function sendProblem(res, problem) {
    // A Buffer, so express adds no charset parameter: the same Content-Type as `apis mock` sends.
    res
        .status(problem.status)
        .set('Content-Type', 'application/problem+json')
        .send(Buffer.from(JSON.stringify(problem)));
}
export function etagOf(body) {
    return `"${createHash('sha256').update(canonicalJson(body)).digest('base64url').slice(0, 27)}"`;
}
export { routeOrder } from './router.js';
/** A stable key for a principal: its `id` (or `sub`) when it has one, else all of it. */
function principalKey(principal) {
    if (isObject(principal)) {
        const id = principal.id ?? principal.sub;
        if (typeof id === 'string' || typeof id === 'number')
            return `id:${id}`;
    }
    return `principal:${canonicalJson(principal ?? null)}`;
}
function hasBody(req) {
    return req.headers['transfer-encoding'] !== undefined || (req.headers['content-length'] !== undefined && req.headers['content-length'] !== '0');
}
export function createApiServer(spec, operations, handlers, options = {}) {
    const store = options.idempotencyStore ?? new MemoryIdempotencyStore();
    const validator = new SpecValidator(spec, { formats: options.validateFormats ?? true });
    const limits = { fileBytes: options.fileLimit ?? 10 * 1024 * 1024, files: options.maxFiles ?? 10 };
    const report = (error, req, instance) => {
        if (options.onError)
            options.onError(error, req, instance);
        else
            console.error(`${instance} ${req.method} ${req.originalUrl}:`, error);
    };
    const paths = isObject(spec.paths) ? spec.paths : {};
    const operationAt = (path, method) => {
        const item = followRef(spec, paths[path]);
        const operation = isObject(item) ? followRef(spec, item[method]) : undefined;
        return isObject(operation) ? operation : undefined;
    };
    const routes = new Map();
    for (const [name, info] of Object.entries(operations)) {
        const route = routes.get(info.path) ?? { methods: new Map() };
        const operation = operationAt(info.path, info.method);
        route.methods.set(info.method, { name, info, operation, requirements: requirementsOf(spec, operation), mediaTypes: new Map() });
        routes.set(info.path, route);
    }
    const mediaTypeFor = (entry, status) => {
        if (!entry.mediaTypes.has(status))
            entry.mediaTypes.set(status, declaredMediaType(spec, entry.operation, status));
        return entry.mediaTypes.get(status);
    };
    const router = new Router(routes);
    const unimplemented = Object.entries(operations).filter(([name]) => typeof handlers[name] !== 'function');
    if (unimplemented.length > 0) {
        const list = unimplemented.map(([name, op]) => `${name} (${op.method.toUpperCase()} ${op.path})`).join(', ');
        console.warn(`${unimplemented.length} operation${unimplemented.length === 1 ? ' has' : 's have'} no handler yet and answer 501: ${list}`);
    }
    const app = express();
    app.disable('x-powered-by');
    // Every body but multipart (streamed to busboy) arrives as bytes; body.ts reads it by its media type.
    app.use(express.raw({ type: (req) => !mediaTypeOf(req.headers['content-type']).startsWith('multipart/'), limit: options.bodyLimit ?? '1mb' }));
    app.use(async (req, res, next) => {
        try {
            const [pathname, ...search] = req.url.split('?');
            const method = req.method.toLowerCase();
            let match;
            try {
                match = router.match(pathname, (route) => route.methods.has(method) || (method === 'head' && route.methods.has('get')));
            }
            catch (error) {
                if (!(error instanceof MalformedPathError))
                    throw error;
                const problem = invalidRequestProblem(declaredProblem(spec, undefined, 400), [
                    { pointer: `/path/${error.parameter}`, detail: 'is not valid percent-encoding' },
                ]);
                sendProblem(res, problem);
                return;
            }
            if (!match) {
                sendProblem(res, { ...defaultProblem(404), status: 404, detail: DETAILS.noRoute });
                return;
            }
            const entry = match.route.methods.get(method) ?? (method === 'head' ? match.route.methods.get('get') : undefined);
            if (!entry) {
                res.set('Allow', [...match.route.methods.keys()].map((m) => m.toUpperCase()).join(', '));
                sendProblem(res, { ...defaultProblem(405), status: 405, detail: DETAILS.noMethod });
                return;
            }
            const { name, info, operation } = entry;
            const declared = (status) => declaredProblem(spec, operation, status);
            const handler = handlers[name];
            if (typeof handler !== 'function') {
                sendProblem(res, { ...defaultProblem(501), status: 501, detail: `${name} (${info.method.toUpperCase()} ${info.path}) has no handler yet.` });
                return;
            }
            if (info.featureFlag && !(await (options.flags?.isEnabled(info.featureFlag) ?? true))) {
                sendProblem(res, { ...declared(404), status: 404, detail: 'This operation is switched off.' });
                return;
            }
            const pairs = [...new URLSearchParams(search.join('?'))];
            const cookies = parseCookies(req.headers.cookie ?? '');
            const header = (h) => {
                const value = req.headers[h.toLowerCase()];
                return Array.isArray(value) ? value.join(', ') : value;
            };
            const authentication = await authenticateRequest(spec, entry.requirements, {
                header,
                query: (q) => pairs.find(([key]) => key === q)?.[1],
                cookie: (c) => cookies[c],
                tlsAuthorized: req.socket.authorized === true,
            }, { operationId: name, method: info.method, path: info.path }, options.authenticate);
            if (authentication.outcome !== 'allowed') {
                const status = authentication.outcome;
                sendProblem(res, {
                    ...declared(status),
                    status,
                    detail: status === 401 ? DETAILS.unauthorized : (authentication.detail ?? 'This principal may not do this.'),
                });
                return;
            }
            const plan = validator.plan(info.path, info.method);
            const errors = [];
            let body;
            if (hasBody(req) && plan.media.length > 0) {
                const media = matchMedia(plan.media, req.headers['content-type'] ?? '');
                if (!media) {
                    sendProblem(res, { ...declared(415), status: 415, detail: DETAILS.unsupportedMediaType });
                    return;
                }
                body = await readBody(req, media, limits);
                if (media.validate && (media.kind !== 'text' || typeof body === 'string')) {
                    const data = media.kind === 'multipart' ? withFilesAsStrings(body) : body;
                    if (media.validate(data))
                        body = media.kind === 'multipart' ? withFilesRestored(data, body) : data;
                    else
                        errors.push(...problemErrors('body', media.validate.errors));
                }
            }
            else if (plan.bodyRequired) {
                errors.push({ pointer: '/body', detail: 'is required' });
            }
            const values = parameterValues(plan, { pairs, pathParams: match.params, header, cookie: (c) => cookies[c] });
            errors.push(...parameterErrors(plan, values));
            if (errors.length > 0) {
                sendProblem(res, invalidRequestProblem(declared(400), errors));
                return;
            }
            let scopeKey;
            if (info.idempotencyKey) {
                const key = header('Idempotency-Key') ?? '';
                // Keys are per principal (or, without an authenticate hook, per credentials): the same key
                // from two clients is two keys, and a refreshed token is still the same client.
                const client = createHash('sha256')
                    .update(options.authenticate ? principalKey(authentication.principal) : (header('Authorization') ?? ''))
                    .digest('hex')
                    .slice(0, 16);
                scopeKey = `${name}:${client}:${key}`;
                const fingerprint = createHash('sha256')
                    .update(`${req.method} ${pathname} ${canonicalJson(body ?? null)}`)
                    .digest('hex');
                let begun;
                try {
                    begun = await store.begin(scopeKey, fingerprint);
                }
                catch (error) {
                    // The store decides whether the handler may run: without it, nothing runs, and the
                    // client is told to come back (the error itself goes to the log, never to the client).
                    report(error, req, `urn:uuid:${randomUUID()}`);
                    res.set('Retry-After', String(options.storeRetryAfterSeconds ?? 1));
                    sendProblem(res, { ...defaultProblem(503), status: 503, detail: 'The idempotency store cannot be reached; retry with the same key.' });
                    return;
                }
                if (begun.state === 'replay') {
                    sendResult(res, begun.response, mediaTypeFor(entry, begun.response.status), { 'Idempotent-Replayed': 'true' });
                    return;
                }
                if (begun.state !== 'new') {
                    const detail = begun.state === 'conflict'
                        ? 'The Idempotency-Key was already used with a different request body.'
                        : 'A request with this Idempotency-Key is still being processed; retry later.';
                    sendProblem(res, { type: 'https://api.acme-platform.com/problems/idempotency-key-reused', title: 'Conflict', status: 409, detail });
                    return;
                }
            }
            const context = {
                operationId: name,
                principal: authentication.principal,
                etagOf,
                ifMatchFails: (current) => {
                    const ifMatch = req.get('If-Match');
                    return (ifMatch !== undefined &&
                        ifMatch !== '*' &&
                        !ifMatch
                            .split(',')
                            .map((s) => s.trim())
                            .includes(current));
                },
            };
            let result;
            try {
                // Node lower-cases header names; the types promise the declared ones (`Idempotency-Key`).
                const headers = { ...req.headers, ...values.header };
                for (const p of plan.parameters)
                    if (p.in === 'header' && values.header[p.key] !== undefined)
                        headers[p.name] = values.header[p.key];
                const request = { params: values.path, query: values.query, headers, cookies: values.cookie, body };
                result = (await handler(request, context));
            }
            catch (error) {
                if (scopeKey)
                    await store.abort(scopeKey).catch((e) => report(e, req, `urn:uuid:${randomUUID()}`));
                throw new HandlerFailure(error);
            }
            const mediaType = res.get('Content-Type') ?? result.headers?.['Content-Type'] ?? result.headers?.['content-type'] ?? mediaTypeFor(entry, result.status);
            if (options.validateResponses ?? true)
                checkResponse(result, mediaType, info, operation);
            if (scopeKey) {
                const stored = { status: result.status, headers: result.headers ?? {}, body: result.body };
                // The handler has run: its answer goes out even if it cannot be stored (a retry then
                // waits for the claim to time out). The failure is logged, not hidden.
                await store.complete(scopeKey, stored).catch((e) => report(e, req, `urn:uuid:${randomUUID()}`));
            }
            sendResult(res, result, mediaType);
        }
        catch (error) {
            next(error);
        }
    });
    /** A declared status, and for a JSON body, one its schema accepts; text and bytes are never refused for not being JSON. */
    function checkResponse(result, mediaType, info, operation) {
        if (!Number.isInteger(result?.status))
            throw new ContractViolation('the handler returned no status');
        if (!declaredResponse(spec, operation, result.status))
            throw new ContractViolation(`status ${result.status} is not declared`);
        if (result.body === undefined || mediaType === undefined || bodyKind(mediaTypeOf(mediaType)) !== 'json')
            return;
        const validate = validator.response(info.path, info.method, result.status, mediaTypeOf(mediaType));
        if (validate && !validate(result.body))
            throw new ContractViolation(`the ${result.status} body breaks the contract: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
    }
    app.use((error, req, res, _next) => {
        const e = error;
        // Only the body reader speaks to the client; a handler's own errors never do.
        const status = error instanceof BodyError
            ? error.status
            : !(error instanceof HandlerFailure || error instanceof ContractViolation) && typeof e.status === 'number'
                ? e.status
                : 500;
        if (status >= 400 && status < 500) {
            const detail = error instanceof BodyError ? error.message : status === 413 ? 'The body is larger than this server accepts.' : 'The body cannot be read.';
            sendProblem(res, { ...defaultProblem(status), status, detail });
            return;
        }
        // A handler that throws or breaks the contract, or any other surprise: log it, never leak it.
        const instance = `urn:uuid:${randomUUID()}`;
        report(error instanceof HandlerFailure ? error.original : error, req, instance);
        sendProblem(res, {
            ...defaultProblem(500),
            status: 500,
            detail: error instanceof ContractViolation ? 'The response did not match the contract.' : 'The server failed to answer; quote the instance when reporting it.',
            instance,
        });
    });
    return app;
}

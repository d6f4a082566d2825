/**
 * Request bodies by declared media type: JSON parsed; `application/x-www-form-urlencoded` fields
 * by their `encoding`; `multipart/form-data` through busboy, each file handed over as an
 * UploadedFile (name, media type, bytes) within a size limit; text and XML as strings; anything
 * else as bytes. Imports nothing of the repository: copied into generated packages.
 */
import busboy from 'busboy';
import { fromPairs, fromStyled } from './parameters.js';
export function isUploadedFile(value) {
    return typeof value === 'object' && value !== null && Buffer.isBuffer(value.bytes) && typeof value.field === 'string';
}
/** A body the client got wrong: the status (400 malformed, 413 too large) and what to tell it. */
export class BodyError extends Error {
    status;
    constructor(status, message) {
        super(message);
        this.status = status;
    }
}
function fieldsFrom(pairs, fields) {
    const claimed = new Set(fields.keys());
    const body = {};
    for (const [name, serialisation] of fields) {
        const value = fromPairs(pairs, serialisation, claimed);
        if (value !== undefined)
            body[name] = value;
    }
    // Undeclared fields stay, so a schema without additional properties can refuse them.
    for (const [key, value] of pairs)
        if (!claimed.has(key) && !key.includes('['))
            body[key] = body[key] === undefined ? value : [body[key], value].flat();
    return body;
}
function parseMultipart(req, plan, limits) {
    return new Promise((resolve, reject) => {
        let parser;
        try {
            parser = busboy({ headers: req.headers, limits: { fileSize: limits.fileBytes, files: limits.files } });
        }
        catch (error) {
            reject(new BodyError(400, `The multipart body cannot be read: ${error.message}.`));
            return;
        }
        const texts = [];
        const files = [];
        const pending = [];
        let failure;
        parser.on('field', (name, value) => texts.push([name, value]));
        parser.on('file', (field, stream, info) => {
            const chunks = [];
            stream.on('data', (chunk) => chunks.push(chunk));
            stream.on('limit', () => {
                failure ??= new BodyError(413, `The file in ${field} is larger than ${limits.fileBytes} bytes.`);
            });
            pending.push(new Promise((done) => stream.on('close', () => {
                files.push({ field, filename: info.filename, mediaType: info.mimeType, bytes: Buffer.concat(chunks) });
                done();
            })));
        });
        parser.on('filesLimit', () => {
            failure ??= new BodyError(413, `The request carries more than ${limits.files} files.`);
        });
        parser.on('error', (error) => reject(new BodyError(400, `The multipart body cannot be read: ${error.message}.`)));
        parser.on('close', () => {
            Promise.all(pending).then(() => {
                if (failure)
                    return reject(failure);
                const body = fieldsFrom(texts, new Map([...plan.fields].map(([name, s]) => [name, s.json ? { ...s, shape: 'scalar' } : s])));
                for (const [name, s] of plan.fields)
                    if (s.json && typeof body[name] === 'string')
                        body[name] = fromStyled(body[name], s);
                for (const file of files) {
                    // A JSON part (an object property) arrives as a file when the client sent it as a Blob, as FormData does.
                    const value = plan.fields.get(file.field)?.json ? fromStyled(file.bytes.toString('utf8'), plan.fields.get(file.field)) : file;
                    const current = body[file.field];
                    body[file.field] = current === undefined ? value : [current, value].flat();
                }
                resolve(body);
            }, reject);
        });
        req.pipe(parser);
    });
}
/** The request body as the handler receives it, for the media type it was matched to. */
export async function readBody(req, plan, limits) {
    if (plan.kind === 'multipart')
        return parseMultipart(req, plan, limits);
    const raw = req.body;
    const bytes = Buffer.isBuffer(raw) ? raw : Buffer.alloc(0);
    if (plan.kind === 'binary')
        return bytes;
    const text = bytes.toString('utf8');
    if (plan.kind === 'text')
        return text;
    if (plan.kind === 'form')
        return fieldsFrom([...new URLSearchParams(text)], plan.fields);
    try {
        return JSON.parse(text);
    }
    catch {
        throw new BodyError(400, 'The body is not valid JSON.');
    }
}
/** For schema validation: each file stands in as its file name (a `format: binary` string). */
export function withFilesAsStrings(body) {
    if (isUploadedFile(body))
        return body.filename ?? '';
    if (Array.isArray(body))
        return body.map(withFilesAsStrings);
    if (typeof body === 'object' && body !== null && !Buffer.isBuffer(body)) {
        return Object.fromEntries(Object.entries(body).map(([k, v]) => [k, withFilesAsStrings(v)]));
    }
    return body;
}
/** The validated (and coerced) copy with the files put back where they were. */
export function withFilesRestored(validated, original) {
    // Coercion wraps a lone value where the schema wants an array.
    if (isUploadedFile(original))
        return Array.isArray(validated) ? [original] : original;
    if (Array.isArray(validated) && Array.isArray(original))
        return validated.map((v, i) => withFilesRestored(v, original[i]));
    if (typeof validated === 'object' && validated !== null && typeof original === 'object' && original !== null && !Array.isArray(original)) {
        const source = original;
        return Object.fromEntries(Object.entries(validated).map(([k, v]) => [k, withFilesRestored(v, source[k])]));
    }
    return validated;
}

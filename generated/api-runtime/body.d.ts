import type { Request } from 'express';
import type { MediaPlan } from './validation.js';
/** A file of a multipart request, as the handler receives it. */
export interface UploadedFile {
    /** The form field the file came in. */
    field: string;
    /** The file name the client gave, if any. */
    filename: string | undefined;
    mediaType: string;
    bytes: Buffer;
}
export declare function isUploadedFile(value: unknown): value is UploadedFile;
/** A body the client got wrong: the status (400 malformed, 413 too large) and what to tell it. */
export declare class BodyError extends Error {
    readonly status: 400 | 413;
    constructor(status: 400 | 413, message: string);
}
export interface BodyLimits {
    /** Largest file of a multipart request, in bytes. */
    fileBytes: number;
    /** Most files in one multipart request. */
    files: number;
}
/** The request body as the handler receives it, for the media type it was matched to. */
export declare function readBody(req: Request, plan: MediaPlan, limits: BodyLimits): Promise<unknown>;
/** For schema validation: each file stands in as its file name (a `format: binary` string). */
export declare function withFilesAsStrings(body: unknown): unknown;
/** The validated (and coerced) copy with the files put back where they were. */
export declare function withFilesRestored(validated: unknown, original: unknown): unknown;

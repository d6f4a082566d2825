/**
 * Request and response validation against the spec, with Ajv (JSON Schema 2020-12) over the
 * normalised document (normalise.ts). Each operation's validators are compiled the first time it is
 * called, and every schema once per direction however many operations use it, so a spec with a
 * thousand operations starts at once and pays only for what it serves. Patterns run on RE2.
 * Replaces express-openapi-validator, which compiled every route's path-to-regexp on each request,
 * threw at start on `:` and `(` in paths, could not read form bodies, and crashed on 3.0 `nullable`.
 * Imports nothing of the repository: copied into generated packages.
 */
import { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import { type BodyKind } from './media.js';
import { type Serialisation } from './parameters.js';
import { type ProblemError, type RequestPart } from './problems.js';
type Json = Record<string, unknown>;
export type ParameterIn = 'path' | 'query' | 'header' | 'cookie';
export interface ParameterPlan {
    in: ParameterIn;
    name: string;
    /** The key in the validated object: header names lower-cased, as node delivers them. */
    key: string;
    serialisation: Serialisation;
}
export interface MediaPlan {
    mediaType: string;
    kind: BodyKind;
    /** Per-property serialisation of form fields (their `encoding`), and which multipart properties hold JSON. */
    fields: Map<string, Serialisation>;
    validate?: ValidateFunction;
    /** Whether a string body is checked against the schema (text whose schema describes a string). */
    validatesText: boolean;
}
export interface OperationPlan {
    parameters: ParameterPlan[];
    validateParameters: Map<ParameterIn, ValidateFunction>;
    bodyRequired: boolean;
    media: MediaPlan[];
}
export interface ValidatorOptions {
    /** Check `format`s (date-time, email, uuid…). Default true. */
    formats?: boolean;
}
export declare class SpecValidator {
    private readonly spec;
    private readonly options;
    private readonly requestAjv;
    private readonly coercingAjv;
    private responseAjv;
    private readonly plans;
    private readonly responses;
    private readonly answers;
    constructor(spec: Json, options?: ValidatorOptions);
    /** The validators of the operation at `paths[path][method]`, compiled on first use. */
    plan(path: string, method: string): OperationPlan;
    private compile;
    /** The validator of a JSON response body: the schema of `responses[key].content[mediaType]`, compiled once, found once per answer kind. */
    response(path: string, method: string, status: number, mediaType: string): ValidateFunction | undefined;
    private responseValidator;
}
/**
 * Ajv's errors as the problem shape's `{pointer, detail}`: the pointer names the missing or
 * unexpected property itself, the detail is Ajv's message without the property.
 */
export declare function problemErrors(part: RequestPart, errors: ErrorObject[] | null | undefined): ProblemError[];
/** Where a request's parameters come from, whatever carries the request (express, a fetch Request). */
export interface ParameterSource {
    /** The query string's pairs, in order. */
    pairs: Array<[string, string]>;
    /** Decoded path parameters, as the router matched them. */
    pathParams: Record<string, string>;
    header(name: string): string | undefined;
    cookie(name: string): string | undefined;
}
/** The declared parameters' values, deserialised by their style, keyed as the validators expect. */
export declare function parameterValues(plan: OperationPlan, from: ParameterSource): Record<ParameterIn, Record<string, unknown>>;
/** The parameters' violations of the contract (validators coerce the values they accept in place). */
export declare function parameterErrors(plan: OperationPlan, values: Record<ParameterIn, Record<string, unknown>>): ProblemError[];
export {};

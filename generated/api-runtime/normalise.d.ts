type Json = Record<string, unknown>;
export type Direction = 'request' | 'response';
/** A copy of `spec` whose schemas validate as the OpenAPI version and the direction say. */
export declare function normaliseForValidation(spec: Json, direction: Direction): Json;
export {};

/**
 * Media types as both sides read them: the bare type of a Content-Type, and what kind of body it
 * carries (JSON and `+json`, form fields, multipart, text and XML, or bytes).
 * Imports nothing: copied into generated packages.
 */
export type BodyKind = 'json' | 'form' | 'multipart' | 'text' | 'binary';
export declare const mediaTypeOf: (contentType: string | undefined) => string;
export declare function bodyKind(mediaType: string): BodyKind;
/** The declared media type a request's Content-Type falls under: exact, then `type/*`, then `*\/*`. */
export declare function matchMedia<T extends {
    mediaType: string;
}>(declared: T[], contentType: string): T | undefined;

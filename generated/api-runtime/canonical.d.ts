/** Stable JSON: the same value with object keys in another order gives the same text (fingerprints, ETags). */
export declare function canonicalJson(value: unknown): string;

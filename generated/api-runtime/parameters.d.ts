export interface Serialisation {
    name: string;
    style: string;
    explode: boolean;
    /** The schema's type, followed through local $refs: what the raw strings become. */
    shape: 'array' | 'object' | 'scalar';
    /** Declared property names of an object, for `form` + explode (each property is its own key). */
    properties: string[];
    /** `content` media type: the value is a serialised document (JSON), not a styled value. */
    json: boolean;
}
/** A styled single value (path segment, header, cookie, non-exploded query value). */
export declare function fromStyled(raw: string, s: Serialisation): unknown;
/** A query (or form body) parameter from the decoded key/value pairs of the query string. */
export declare function fromPairs(pairs: Array<[string, string]>, s: Serialisation, claimed: ReadonlySet<string>): unknown;

/**
 * The spec's schemas as one JSON Schema 2020-12 validator reads them, for one direction of travel:
 *  - OpenAPI 3.0 dialect: `nullable: true` becomes a `"null"` type (or an `anyOf` with one, beside a
 *    `$ref` or a composition), boolean `exclusiveMinimum`/`exclusiveMaximum` their numeric form;
 *  - `readOnly` properties are not required in requests, `writeOnly` ones not in responses.
 * Validators trip on the 3.0 forms (express-openapi-validator answered every request with a 500
 * when a `nullable` schema without `type` sat in components). Values (`default`, `enum`, `const`)
 * are data, never rewritten; examples are left out. Copied into generated packages with the rest of the runtime.
 */
import { followRef, isObject } from './local-ref.js';
/** Keys whose values are data, not schemas or spec nodes. */
const DATA_KEYS = new Set(['default', 'enum', 'const']);
/**
 * Left out of the copy: examples are never validated against, and Ajv reads every key of what it
 * is given (an example holding `$id` twice made it refuse the whole spec); a schema's own `$id` or
 * `$schema` would move its refs' base or dialect away from the document's.
 */
const DROPPED_KEYS = new Set(['example', 'examples', 'x-examples', '$id', '$schema']);
const MAP_KEYS = new Set(['responses', 'properties', 'patternProperties', '$defs', 'definitions', 'schemas', 'dependentSchemas']);
function from30(node) {
    let schema = node;
    for (const [bound, exclusive] of [
        ['minimum', 'exclusiveMinimum'],
        ['maximum', 'exclusiveMaximum'],
    ]) {
        if (typeof schema[exclusive] !== 'boolean')
            continue;
        const { [exclusive]: flag, [bound]: limit, ...rest } = schema;
        schema = flag && typeof limit === 'number' ? { ...rest, [exclusive]: limit } : { ...rest, ...(limit === undefined ? {} : { [bound]: limit }) };
    }
    if (schema.nullable !== true) {
        if ('nullable' in schema && typeof schema.nullable === 'boolean') {
            const { nullable: _, ...rest } = schema;
            return rest;
        }
        return schema;
    }
    const { nullable: _, ...rest } = schema;
    if (typeof rest.type === 'string') {
        const enumWithNull = Array.isArray(rest.enum) && !rest.enum.includes(null) ? { enum: [...rest.enum, null] } : {};
        return { ...rest, type: [rest.type, 'null'], ...enumWithNull };
    }
    if (Array.isArray(rest.type))
        return rest.type.includes('null') ? rest : { ...rest, type: [...rest.type, 'null'] };
    if (rest.$ref !== undefined || rest.allOf !== undefined || rest.oneOf !== undefined || rest.anyOf !== undefined) {
        // Siblings of a 3.0 $ref are ignored by 3.0 anyway; the annotations stay outside.
        const { description, title, ...constraint } = rest;
        return { ...(description === undefined ? {} : { description }), ...(title === undefined ? {} : { title }), anyOf: [constraint, { type: 'null' }] };
    }
    return rest; // Without a type, anything goes already, null included.
}
/** A copy of `spec` whose schemas validate as the OpenAPI version and the direction say. */
export function normaliseForValidation(spec, direction) {
    const openapi30 = typeof spec.openapi === 'string' && spec.openapi.startsWith('3.0');
    const hidden = direction === 'request' ? 'readOnly' : 'writeOnly';
    const visit = (node, parentKey = '') => {
        if (Array.isArray(node))
            return node.map((item) => visit(item));
        if (!isObject(node))
            return node;
        let copy = {};
        // In a map, `default` (a response) or `example` (a property) names a node, not a value.
        for (const [key, value] of Object.entries(node)) {
            const inMap = MAP_KEYS.has(parentKey);
            if (DROPPED_KEYS.has(key) && !inMap)
                continue;
            copy[key] = DATA_KEYS.has(key) && !inMap ? value : visit(value, key);
        }
        if (openapi30)
            copy = from30(copy);
        if (Array.isArray(copy.required) && isObject(copy.properties)) {
            const properties = copy.properties;
            const required = copy.required.filter((name) => {
                const property = followRef(spec, properties[name]);
                return !(isObject(property) && property[hidden] === true);
            });
            if (required.length !== copy.required.length)
                copy.required = required;
        }
        return copy;
    };
    return visit(spec);
}

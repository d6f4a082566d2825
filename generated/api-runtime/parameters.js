/**
 * Parameter values as the spec's `style` and `explode` serialise them (OpenAPI 3.1 §4.8.12.4),
 * turned back into arrays and objects; a value with `content` (JSON in a query string) is parsed.
 * Values stay strings here: the validator coerces them by schema type. Used for query, header,
 * path and cookie parameters and for the fields of form bodies (their `encoding`).
 * Copied into generated packages with the rest of the runtime.
 */
import { escapeRegExp } from './router.js';
const DELIMITERS = { form: ',', simple: ',', spaceDelimited: ' ', pipeDelimited: '|' };
function pairsToObject(items) {
    const object = {};
    for (let i = 0; i + 1 < items.length; i += 2)
        object[items[i]] = items[i + 1];
    return object;
}
function parseJson(text) {
    try {
        return JSON.parse(text);
    }
    catch {
        return text; // The validator then says what was expected.
    }
}
/** A styled single value (path segment, header, cookie, non-exploded query value). */
export function fromStyled(raw, s) {
    if (s.json)
        return parseJson(raw);
    if (s.shape === 'scalar')
        return raw;
    if (s.style === 'label' || s.style === 'matrix') {
        // `.a,b` / `.a.b` (exploded); `;x=a,b` / `;x=a;x=b` or `;k=v;k2=v2` (exploded).
        if (!s.explode)
            return fromStyled(raw.replace(s.style === 'label' ? /^\./ : new RegExp(`^;${escapeRegExp(s.name)}=`), ''), { ...s, style: 'simple' });
        const parts = raw.split(s.style === 'label' ? '.' : ';').slice(1);
        if (s.shape === 'object')
            return Object.fromEntries(parts.map((p) => [p.split('=')[0], p.split('=').slice(1).join('=')]));
        return s.style === 'label' ? parts : parts.map((p) => p.split('=').slice(1).join('='));
    }
    const items = raw === '' ? [] : raw.split(DELIMITERS[s.style] ?? ',');
    if (s.shape === 'array')
        return items;
    if (s.explode && s.style === 'simple')
        return Object.fromEntries(items.map((item) => [item.split('=')[0], item.split('=').slice(1).join('=')]));
    return pairsToObject(items);
}
/** A query (or form body) parameter from the decoded key/value pairs of the query string. */
export function fromPairs(pairs, s, claimed) {
    if (s.style === 'deepObject') {
        const prefix = `${s.name}[`;
        const found = pairs.filter(([key]) => key.startsWith(prefix) && key.endsWith(']'));
        if (found.length === 0)
            return undefined;
        const object = {};
        for (const [key, value] of found) {
            const path = key
                .slice(s.name.length)
                .split(/\]\[|\[|\]/)
                .filter(Boolean);
            let node = object;
            path.forEach((segment, i) => {
                if (i === path.length - 1)
                    node[segment] = value;
                else {
                    if (!isPlainObject(node[segment]))
                        node[segment] = {};
                    node = node[segment];
                }
            });
        }
        return object;
    }
    const values = pairs.filter(([key]) => key === s.name).map(([, value]) => value);
    if (s.shape === 'object' && s.explode && !s.json) {
        // Each property is its own key: the declared ones, or every key no other parameter claims.
        const keys = s.properties.length > 0 ? new Set(s.properties) : undefined;
        const own = pairs.filter(([key]) => (keys ? keys.has(key) : !claimed.has(key)));
        return own.length === 0 ? undefined : Object.fromEntries(own);
    }
    if (values.length === 0)
        return undefined;
    if (s.shape === 'array' && s.explode && !s.json)
        return values;
    return fromStyled(values[0], s);
}
const isPlainObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);

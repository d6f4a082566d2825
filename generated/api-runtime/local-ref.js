export const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
/** The keys a local `#/…` ref names, percent- and ~-decoded (RFC 3986, RFC 6901). */
export function refSegments(ref) {
    return ref
        .slice(2)
        .split('/')
        .map((s) => decodeURIComponent(s).replace(/~1/g, '/').replace(/~0/g, '~'));
}
export function followRef(spec, node) {
    let current = node;
    for (let hops = 0; isObject(current) && typeof current.$ref === 'string' && hops < 32; hops++) {
        const ref = current.$ref;
        if (!ref.startsWith('#/'))
            return undefined;
        current = refSegments(ref).reduce((n, key) => (isObject(n) && Object.hasOwn(n, key) ? n[key] : undefined), spec);
    }
    return current;
}
/** The response an operation declares for `status`: the exact code, else its class (`4XX`), else `default`. */
export function declaredResponse(spec, operation, status) {
    const responses = followRef(spec, operation?.responses);
    if (!isObject(responses))
        return undefined;
    const digit = String(status)[0];
    const key = [String(status), `${digit}XX`, `${digit}xx`, 'default'].find((k) => Object.hasOwn(responses, k));
    const response = key === undefined ? undefined : followRef(spec, responses[key]);
    return isObject(response) ? response : undefined;
}

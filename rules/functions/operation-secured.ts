import { houseFunction } from '../lib/define.ts';
import { isObject } from '../../scripts/model/openapi-index.ts';

/** Every operation is authenticated, with a scheme that does not leak credentials. */
export default houseFunction<null>(null, (index) => {
  const out = [];
  const doc = index.document;
  for (const op of index.operations) {
    if (op.kind !== 'path') continue; // webhooks and callbacks are signed instead (webhook-contract)
    const publicReason = op.node['x-public'];
    if (typeof publicReason === 'string' && publicReason.trim() !== '') continue;
    const own = op.node.security;
    const effective = own !== undefined ? own : doc.security;
    const where = own !== undefined ? [...op.path, 'security'] : op.path;
    if (!Array.isArray(effective) || effective.length === 0) {
      out.push({ path: where, message: `${op.label} is not authenticated: declare a security requirement (or x-public with the reason it must be open)` });
    } else if (effective.some((req: unknown) => isObject(req) && Object.keys(req).length === 0)) {
      out.push({ path: where, message: `${op.label} allows anonymous access through an empty {} security alternative` });
    }
  }
  const schemes = isObject(doc.components) && isObject(doc.components.securitySchemes) ? doc.components.securitySchemes : {};
  for (const [name, scheme] of Object.entries(schemes)) {
    if (!isObject(scheme)) continue;
    if (scheme.type === 'apiKey' && scheme.in === 'query') {
      out.push({
        path: ['components', 'securitySchemes', name],
        message: `security scheme ${name} sends the key in the query string, where logs and proxies keep it: send it in a header`,
      });
    }
    if (scheme.type === 'http' && typeof scheme.scheme === 'string' && scheme.scheme.toLowerCase() === 'basic') {
      out.push({
        path: ['components', 'securitySchemes', name],
        message: `security scheme ${name} is HTTP basic: a password on every request; use bearer tokens`,
      });
    }
  }
  return out;
});

import { houseFunction } from '../lib/define.ts';
import { requestBodyOf } from '../../scripts/model/http.ts';
import { pointerOf, type JsonPath } from '../../scripts/model/openapi-index.ts';
import { hasKeyword, jsonSchemaOf, mergedObject, nameTokens } from '../lib/schema.ts';

const URL_TOKENS = ['webhook', 'callback', 'notification'];

/** We send events (and signatures) to these URLs: plain HTTP would expose them. */
export default houseFunction<null>(null, (index) => {
  const targets = new Map<string, { path: JsonPath; name: string; node: unknown }>();
  for (const prop of index.properties) {
    const tokens = nameTokens(prop.name);
    if (prop.name.endsWith('_url') && tokens.some((t) => URL_TOKENS.includes(t))) targets.set(pointerOf(prop.path), prop);
  }
  // The url of a webhook endpoint registration body, e.g. PUT /v1/webhook-endpoints/{id} {url}.
  for (const op of index.operations) {
    if (op.kind !== 'path' || !op.route.split('/').some((s) => /webhook|callback/i.test(s))) continue;
    const body = requestBodyOf(index, op);
    const schema = body ? jsonSchemaOf(index, body.node.content, [...body.path, 'content']) : undefined;
    if (!schema) continue;
    const url = mergedObject(index, schema.node, schema.path).properties.get('url');
    if (url) targets.set(pointerOf(url.declared), { path: url.declared, name: 'url', node: url.node });
  }
  const out = [];
  for (const { path, name, node } of targets.values()) {
    const resolved = index.resolve(node, path);
    const isUri = resolved !== undefined && hasKeyword(index, resolved, (s) => s.format === 'uri');
    const httpsOnly = resolved !== undefined && hasKeyword(index, resolved, (s) => typeof s.pattern === 'string' && /^\^https\\?:/.test(s.pattern));
    if (!isUri || !httpsOnly) {
      out.push({ path, message: `${name} is a URL we deliver events to: declare format: uri and a pattern that requires https:// (e.g. ^https://)` });
    }
  }
  return out;
});

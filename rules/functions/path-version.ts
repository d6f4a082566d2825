import { houseFunction } from '../lib/define.ts';
import { HTTP_METHODS, isObject, type JsonPath } from '../../scripts/model/openapi-index.ts';

const VERSIONED = /^\/v[1-9]\d*\//;
const VERSION_SEGMENT = /\/v\d+(\/|$)/i;

/** A breaking change gets a new /vN/ path beside the old one; the version lives in the path, never in the server. */
export default houseFunction<null>(null, (index) => {
  const out: Array<{ path: JsonPath; message: string }> = [];
  const doc = index.document;
  if (isObject(doc.paths)) {
    for (const route of Object.keys(doc.paths)) {
      if (route.startsWith('x-')) continue;
      if (!VERSIONED.test(route))
        out.push({ path: ['paths', route], message: `path ${route} does not start with a version segment such as /v1/ (no leading zero)` });
    }
  }
  const checkServers = (servers: unknown, path: JsonPath) => {
    if (!Array.isArray(servers)) return;
    servers.forEach((server, i) => {
      if (isObject(server) && typeof server.url === 'string' && VERSION_SEGMENT.test(server.url.replace(/^[a-z]+:\/\/[^/]+/i, ''))) {
        out.push({
          path: [...path, i, 'url'],
          message: `server URL ${server.url} carries a version: put the version in each path (/v1/…) so /v2/ can live beside it`,
        });
      }
    });
  };
  checkServers(doc.servers, ['servers']);
  if (isObject(doc.paths)) {
    for (const [route, item] of Object.entries(doc.paths)) {
      if (!isObject(item)) continue;
      checkServers(item.servers, ['paths', route, 'servers']);
      for (const m of HTTP_METHODS) if (isObject(item[m])) checkServers(item[m].servers, ['paths', route, m, 'servers']);
    }
  }
  return out;
});

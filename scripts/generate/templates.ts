import { createHash } from 'node:crypto';
import { findParameter, parametersOf } from '../model/http.ts';
import { indexOf, isObject, type JsonObject, type OpenApiIndex, type OperationEntry } from '../model/openapi-index.ts';
import { bodyKind, mediaTypeOf } from '../runtime/media.ts';
import type { MediaRoute } from '../runtime/client-media.ts';
import type { PageShape } from '../runtime/paginate.ts';
import { specRelPath } from '../lib/repo.ts';
import { commentText, identifier, stringLiteral } from './escape.ts';
import { pascalCase } from './names.ts';

export interface GeneratedOperation {
  /** The handler's name: the operationId, or one derived from method and path (handlerName). */
  name: string;
  /** For a cursor-paginated list: where its cursor, next cursor and items are (runtime/paginate.ts). */
  page?: PageShape;
  method: string;
  path: string;
  idempotencyKey: boolean;
  featureFlag?: string;
  /** What the client must do for bodies other than JSON (runtime/client-media.ts). */
  media?: Omit<MediaRoute, 'method' | 'path'>;
}

/**
 * The handler name of an operation without operationId: method and path in camelCase, a template
 * as `By` and its name (`GET /movies/{id}/rate` → `getMoviesByIdRate`, `POST /v1/{name}:cancel` →
 * `postV1ByNameCancel`). Only if that name is taken does it get a suffix, from a hash of method and
 * path, so adding another operation never renames this one.
 */
export function handlerName(method: string, path: string, taken: ReadonlySet<string>): string {
  const words = path
    .replace(/\{([^}]*)\}/g, ' By $1 ')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  const camel = words.map((w) => w[0].toUpperCase() + w.slice(1)).join('') || 'Root';
  const name = `${method.toLowerCase()}${camel}`;
  if (!taken.has(name)) return name;
  return `${name}_${createHash('sha256').update(`${method.toUpperCase()} ${path}`).digest('hex').slice(0, 6)}`;
}

/** The first declared request media type when it is not JSON, and how to read a success that is not JSON. */
function mediaOf(index: OpenApiIndex, operation: JsonObject): { media?: Omit<MediaRoute, 'method' | 'path'> } {
  const media: Omit<MediaRoute, 'method' | 'path'> = {};
  const body = index.resolve(operation.requestBody, [])?.node;
  const declared = isObject(body) && isObject(body.content) ? Object.keys(body.content)[0] : undefined;
  if (declared !== undefined && bodyKind(mediaTypeOf(declared)) !== 'json') {
    media.request = mediaTypeOf(declared);
    const encoding = body.content[declared]?.encoding;
    if (isObject(encoding)) {
      media.encoding = Object.fromEntries(
        Object.entries(encoding)
          .filter(([, e]) => isObject(e))
          .map(([name, e]) => [
            name,
            { ...(typeof e.style === 'string' ? { style: e.style } : {}), ...(typeof e.explode === 'boolean' ? { explode: e.explode } : {}) },
          ]),
      );
    }
  }
  const responses = index.resolve(operation.responses, [])?.node;
  const success = isObject(responses) ? Object.keys(responses).find((status) => /^2/.test(status)) : undefined;
  const response = success === undefined ? undefined : index.resolve(responses[success], [])?.node;
  const answered = isObject(response) && isObject(response.content) ? Object.keys(response.content)[0] : undefined;
  if (answered !== undefined) {
    const kind = bodyKind(mediaTypeOf(answered));
    if (kind === 'text') media.parseAs = 'text';
    else if (kind !== 'json') media.parseAs = 'blob';
  }
  return Object.keys(media).length > 0 ? { media } : {};
}

/** Query parameters that carry a list's cursor, first match wins (the house rules name the same ones). */
const CURSOR_PARAMETERS = ['cursor', 'page_token', 'after', 'starting_after', 'older_than'];

/**
 * Where a GET list keeps its cursor: a cursor query parameter in, and a JSON page out with one
 * array property (the items) and the next cursor (`next_<parameter>` or `next_cursor`). Lists of
 * any other shape get no pagination helpers rather than wrong ones.
 */
function pageShapeOf(index: OpenApiIndex, op: OperationEntry): PageShape | undefined {
  if (op.method !== 'get') return undefined;
  const query = new Set(
    parametersOf(index, op)
      .filter((p) => p.in === 'query')
      .map((p) => p.name),
  );
  const cursor = CURSOR_PARAMETERS.find((name) => query.has(name));
  if (cursor === undefined) return undefined;
  const ok = isObject(op.node.responses) ? index.resolve(op.node.responses['200'], [])?.node : undefined;
  const content = isObject(ok) && isObject(ok.content) ? ok.content['application/json'] : undefined;
  const schema = isObject(content) ? index.resolve(content.schema, [])?.node : undefined;
  const properties = isObject(schema) && isObject(schema.properties) ? schema.properties : {};
  const next = [`next_${cursor}`, 'next_cursor'].find((name) => name in properties);
  const arrays = Object.keys(properties).filter((name) => {
    const property = index.resolve(properties[name], [])?.node;
    const type = isObject(property) ? property.type : undefined;
    return type === 'array' || (Array.isArray(type) && type.includes('array'));
  });
  return next !== undefined && arrays.length === 1 ? { cursor, next, items: arrays[0] } : undefined;
}

/** The operations a server implements and a client calls (paths only: webhooks are sent, not served). */
export function operationsOf(document: JsonObject): GeneratedOperation[] {
  const index = indexOf(document);
  const ops = index.operations.filter((op) => op.kind === 'path');
  const ids = new Set(ops.map((op) => op.node.operationId).filter((id): id is string => typeof id === 'string'));
  const taken = new Set(ids);
  return ops
    .map((op) => {
      let name = typeof op.node.operationId === 'string' ? (op.node.operationId as string) : undefined;
      if (name === undefined) {
        name = handlerName(op.method, op.route, taken);
        taken.add(name);
      }
      return {
        name,
        method: op.method,
        path: op.route,
        idempotencyKey: findParameter(parametersOf(index, op), 'header', 'Idempotency-Key') !== undefined,
        ...(typeof op.node['x-feature-flag'] === 'string' ? { featureFlag: op.node['x-feature-flag'] as string } : {}),
        ...mediaOf(index, op.node),
        ...withDefined('page', pageShapeOf(index, op)),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

const withDefined = <K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } => (value === undefined ? {} : ({ [key]: value } as { [P in K]: V }));

/** A string literal for generated code: operationIds and paths from vendor specs contain anything. */
const q = stringLiteral;

const header = (domain: string) => `// Generated by \`apis generate\` from ${specRelPath(domain)} — do not edit; change the spec and regenerate.\n`;

/** `<scope>/api-runtime/<module>`: where generated code imports the shared runtime from. */
const runtimeModule = (scope: string, module: string) => q(`${scope}/api-runtime/${module}`);

export function clientSource(domain: string, scope: string, title: string, ops: GeneratedOperation[]): string {
  const routes = ops.filter((o) => o.idempotencyKey).map((o) => `  { method: ${q(o.method.toUpperCase())}, path: ${q(o.path)} },`);
  const media = ops
    .filter((o) => o.media)
    .map(
      (o) =>
        `  ${JSON.stringify({ method: o.method.toUpperCase(), path: o.path, ...o.media }).replace(/[\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`)},`,
    );
  const pages = ops.filter((o) => o.page).map((o) => `  ${q(o.path)}: { cursor: ${q(o.page!.cursor)}, next: ${q(o.page!.next)}, items: ${q(o.page!.items)} },`);
  const name = identifier(pascalCase(domain));
  // Only a package with bodies other than JSON carries the code that writes them (a smaller bundle).
  const withMedia = media.length > 0;
  return `${header(domain)}import { createResilientClient, type ClientOptions, type OperationRoute } from ${runtimeModule(scope, 'client')};
import { ${withMedia ? 'withMediaTypes, ' : ''}type MediaRoute } from ${runtimeModule(scope, 'client-media')};
import { withPagination, type PaginatingClient } from ${runtimeModule(scope, 'paginate')};
import type { paths } from './schema.js';

export type { paths, components, operations } from './schema.js';
export type { AttemptInfo, ClientOptions, RetryOptions, TokenProvider } from ${runtimeModule(scope, 'client')};
export { PageError, type ItemOf, type PageOf } from ${runtimeModule(scope, 'paginate')};

/** Operations that take an Idempotency-Key: the client generates one per call and reuses it on every retry. */
export const idempotencyKeyRoutes: OperationRoute[] = [
${routes.join('\n')}
];

/** Operations whose bodies are not JSON: how the client writes the request and reads the answer. */
export const mediaRoutes: MediaRoute[] = [
${media.join('\n')}
];

/** The cursor-paginated list operations: where each keeps its cursor, its next cursor and its items. */
export const paginatedRoutes = {
${pages.join('\n')}
} as const;

/** The typed client, with \`paginate(path, init)\` over every item of a cursor-paginated list. */
export type ${name}Client = PaginatingClient<paths, typeof paginatedRoutes>;

/**
 * A typed client for the ${commentText(title)}: timeouts, safe retries with backoff and Retry-After, one
 * Idempotency-Key per logical call, and a token refresh after a 401, all built in.
 */
export function create${name}Client(options: ClientOptions): ${name}Client {
  const client = createResilientClient<paths>(options, idempotencyKeyRoutes);
  return withPagination(${withMedia ? 'withMediaTypes(client, mediaRoutes)' : 'client'}, paginatedRoutes);
}
`;
}

/** `./react-query`: openapi-react-query's hooks around the domain's resilient client, and infinite lists for its cursor-paginated operations. */
export function reactQuerySource(domain: string, scope: string, title: string): string {
  const name = identifier(pascalCase(domain));
  return `${header(domain)}import createQueryClient, { type OpenapiQueryClient } from 'openapi-react-query';
import { infiniteLists, type InfiniteLists } from ${runtimeModule(scope, 'react-query')};
import { paginatedRoutes, type ${name}Client } from './client.js';
import type { paths } from './schema.js';

export type ${name}Queries = OpenapiQueryClient<paths> & InfiniteLists<paths, typeof paginatedRoutes>;

/**
 * TanStack Query for the ${commentText(title)}: \`useQuery\`, \`useMutation\`, \`useSuspenseQuery\` and
 * \`queryOptions\` for every operation (openapi-react-query), and \`useInfiniteList\` /
 * \`infiniteListOptions\` for every cursor-paginated list, following \`next\` cursors until the last page.
 */
export function create${name}Queries(client: ${name}Client): ${name}Queries {
  return { ...createQueryClient(client), ...infiniteLists<paths, typeof paginatedRoutes>(client, paginatedRoutes) };
}
`;
}

/** \`./msw\`: MSW handlers answering as \`apis mock\` does, from the bundled spec next to them. */
export function mswSource(domain: string, scope: string, title: string): string {
  const name = identifier(pascalCase(domain));
  return `${header(domain)}import type { RequestHandler } from 'msw';
import { mockHandlers, type MockHandlerOptions } from ${runtimeModule(scope, 'msw')};
import document from './openapi.json' with { type: 'json' };

export type { MockHandlerOptions } from ${runtimeModule(scope, 'msw')};

/**
 * MSW request handlers for the ${commentText(title)}, for unit tests without a mock server: the
 * answers \`apis mock\` gives (the spec's examples, \`Prefer: code=… example=…\`, 400 problems for
 * invalid requests, 401 without credentials, Idempotency-Key replays), under \`options.baseUrl\`.
 */
export function ${name.charAt(0).toLowerCase() + name.slice(1)}Handlers(options: MockHandlerOptions): RequestHandler[] {
  return mockHandlers(document as Record<string, unknown>, options);
}
`;
}

export function serverSource(domain: string, scope: string, title: string, ops: GeneratedOperation[]): string {
  const names = ops.map((o) => q(o.name)).join(' | ') || 'never';
  const info = ops.map(
    (o) =>
      `  ${q(o.name)}: { method: ${q(o.method)}, path: ${q(o.path)}, idempotencyKey: ${o.idempotencyKey}${o.featureFlag ? `, featureFlag: ${q(o.featureFlag)}` : ''} },`,
  );
  const types = ops.map((o) => `  ${q(o.name)}: paths[${q(o.path)}][${q(o.method)}];`);
  const create = `create${identifier(pascalCase(domain))}Server`;
  return `${header(domain)}import { existsSync, readFileSync } from 'node:fs';
import type { Express } from 'express';
import { createApiServer, type OperationInfo, type ServerOptions } from ${runtimeModule(scope, 'server')};
import type { HandlersFor } from ${runtimeModule(scope, 'types')};
import type { paths } from './schema.js';

export { etagOf, forbidden, type Authenticate, type Credential, type FlagProvider, type ServerOptions, type UploadedFile } from ${runtimeModule(scope, 'server')};
export { MemoryIdempotencyStore, type IdempotencyStore } from ${runtimeModule(scope, 'idempotency')};
export { PostgresIdempotencyStore, idempotencyMigration, type PostgresStoreOptions, type Queryable } from ${runtimeModule(scope, 'idempotency-postgres')};
export type { HandlerContext, RequestOf, ResponseOf } from ${runtimeModule(scope, 'types')};

/** Handler names: each operation's operationId, or for one without, a name from its method and path. */
export type OperationId = ${names};

/** Each handler's operation, as openapi-typescript types it. */
export interface OperationTypes {
${types.join('\n')}
}

/** One handler per operation, typed by the spec: requests in, declared responses out. */
export type Handlers<Principal = unknown> = HandlersFor<OperationTypes, OperationId, Principal>;

export const operationInfo: Record<OperationId, OperationInfo> = {
${info.join('\n')}
};

/** The bundled spec the server validates against (next to this file, in the package and in the repository). */
export function spec(): Record<string, unknown> {
  const file = new URL('./openapi.json', import.meta.url);
  if (!existsSync(file)) throw new Error('openapi.json is missing next to server.js');
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
}

/**
 * The ${commentText(title)} on express 5: every request and response validated against the spec, problem+json
 * errors, Idempotency-Key semantics and feature flags. Call \`.listen()\` on the result. With
 * \`allowUnimplemented: true\`, any subset of handlers will do: the others answer 501.
 */
export function ${create}<Principal = unknown>(handlers: Handlers<Principal>, options?: ServerOptions<Principal>): Express;
export function ${create}<Principal = unknown>(
  handlers: Partial<Handlers<Principal>>,
  options: ServerOptions<Principal> & { allowUnimplemented: true },
): Express;
export function ${create}<Principal = unknown>(handlers: Partial<Handlers<Principal>>, options: ServerOptions<Principal> = {}): Express {
  return createApiServer<Principal>(spec(), operationInfo, handlers as Parameters<typeof createApiServer<Principal>>[2], options);
}
`;
}

/** The versions generated packages ask for (caret ranges of them): the ones this repository installs and tests. */
export const PACKAGE_VERSIONS = {
  'openapi-fetch': '0.17.0',
  re2js: '2.10.0',
  express: '5.1.0',
  ajv: '8.18.3',
  'ajv-formats': '3.0.1',
  busboy: '1.6.0',
  cookie: '1.1.1',
  pg: '8.23.1',
  '@stoplight/json-schema-sampler': '0.3.0',
  negotiator: '1.1.0',
  '@tanstack/react-query': '5.108.4',
  'openapi-react-query': '0.5.4',
  msw: '2.15.0',
};

export function packageJson(domain: string, scope: string, title: string, version: string, runtimeVersion: string, peers: Record<string, string>): string {
  const pkg = {
    name: `${scope}/${domain}-api`,
    version,
    description: `Typed client and server for the ${title} (generated by apis generate from ${specRelPath(domain)}; do not edit)`,
    type: 'module',
    // Compiled JavaScript and declarations only: with .ts sources beside them, TypeScript would
    // type-check our sources under the consumer's settings (exactOptionalPropertyTypes and so on).
    exports: {
      '.': { types: './client.d.ts', import: './client.js', default: './client.js' },
      './server': { types: './server.d.ts', import: './server.js', default: './server.js' },
      './react-query': { types: './react-query.d.ts', import: './react-query.js', default: './react-query.js' },
      './msw': { types: './msw.d.ts', import: './msw.js', default: './msw.js' },
      './schema': { types: './schema.d.ts' },
      './openapi.json': './openapi.json',
    },
    types: './client.d.ts',
    files: ['*.js', '*.d.ts', 'openapi.json', 'README.md'],
    engines: { node: '>=20.19' },
    // The shared runtime, within a caret range: its fixes arrive without a new version of this package.
    dependencies: {
      [`${scope}/api-runtime`]: `^${runtimeVersion}`,
      'openapi-fetch': `^${PACKAGE_VERSIONS['openapi-fetch']}`,
    },
    // All optional: express (and pg) for the server, React Query for ./react-query, MSW for ./msw.
    peerDependencies: peers,
    peerDependenciesMeta: Object.fromEntries(Object.keys(peers).map((name) => [name, { optional: true }])),
  };
  return JSON.stringify(pkg, null, 2) + '\n';
}

export function readme(domain: string, scope: string, title: string): string {
  const name = pascalCase(domain);
  const lower = name.charAt(0).toLowerCase() + name.slice(1);
  return `# ${scope}/${domain}-api

The ${title}: a typed client and a typed server skeleton, generated from \`${specRelPath(domain)}\`.
Do not edit: change the spec and run \`npx apis generate ${domain}\`. The runtime they share with every
other domain package is \`${scope}/api-runtime\`, installed with this one.

\`\`\`ts
import { create${name}Client } from '${scope}/${domain}-api';
const api = create${name}Client({ baseUrl: 'https://api.acme-platform.com/${domain}', token: () => getToken() });
// Every item of a cursor-paginated list, one page per request, with the client's retries and timeouts:
// for await (const item of api.paginate('/v1/<list>', { params: { query: { limit: 50 } } })) { … }
\`\`\`

React (needs \`react\`, \`@tanstack/react-query\` and \`openapi-react-query\`):

\`\`\`ts
import { create${name}Queries } from '${scope}/${domain}-api/react-query';
const queries = create${name}Queries(api);
// queries.useQuery('get', '/v1/…', init), queries.useMutation('post', '/v1/…'), queries.useInfiniteList('/v1/<list>', init)
\`\`\`

Unit tests without a mock server (needs \`msw\` 2):

\`\`\`ts
import { setupServer } from 'msw/node';
import { ${lower}Handlers } from '${scope}/${domain}-api/msw';
const server = setupServer(...${lower}Handlers({ baseUrl: 'https://api.acme-platform.com/${domain}' }));
\`\`\`

\`\`\`ts
import { create${name}Server, type Handlers } from '${scope}/${domain}-api/server';
create${name}Server(handlers).listen(8080); // needs express
// Some handlers only, the others answer 501 naming the operation; credentials checked by your hook:
create${name}Server(someHandlers, { allowUnimplemented: true, authenticate: async (credential) => users.find(credential) }).listen(8080);
\`\`\`

With more than one instance, keep Idempotency-Keys in PostgreSQL (needs \`pg\`):

\`\`\`ts
import { PostgresIdempotencyStore } from '${scope}/${domain}-api/server';
const idempotencyStore = new PostgresIdempotencyStore({ connection: process.env.DATABASE_URL });
await idempotencyStore.migrate(); // or apply idempotency-postgres.sql of ${scope}/api-runtime yourself
create${name}Server(handlers, { idempotencyStore }).listen(8080);
\`\`\`
`;
}

import type { OpenAPI3, OpenAPITSOptions } from 'openapi-typescript';
// Its modules, not its entry: the entry loads a whole Redocly (0.12 s of every generate) for openapiTS(), which we do not call.
import { astToString } from 'openapi-typescript/dist/lib/ts.mjs';
import { resolveRef, scanDiscriminators } from 'openapi-typescript/dist/lib/utils.mjs';
import transformSchema from 'openapi-typescript/dist/transform/index.mjs';
import ts from 'typescript';
import { isObject, type JsonObject } from '../model/openapi-index.ts';

/**
 * The client fills Idempotency-Key itself (one per call, reused on retries), so the types make it
 * optional; the server still requires it, through the spec its validator reads. Changes `document`
 * only if it is already a copy (`isCopy`).
 */
function makeIdempotencyKeyOptional(document: JsonObject, isCopy: boolean): JsonObject {
  const keys = (root: unknown): Array<Record<string, unknown>> => {
    const found: Array<Record<string, unknown>> = [];
    const stack: unknown[] = [root];
    while (stack.length > 0) {
      const node = stack.pop();
      if (Array.isArray(node)) stack.push(...node);
      else if (isObject(node)) {
        if (node.in === 'header' && typeof node.name === 'string' && node.name.toLowerCase() === 'idempotency-key' && node.required !== false) found.push(node);
        stack.push(...Object.values(node));
      }
    }
    return found;
  };
  if (keys(document).length === 0) return document;
  // Copied only when there is something to change: GitHub's 13 MB description has no such header.
  const copy = isCopy ? document : structuredClone(document);
  for (const parameter of keys(copy)) parameter.required = false;
  return copy;
}

const SCHEMA_KEYS = new Set([
  'schema',
  'schemas',
  'properties',
  'items',
  'prefixItems',
  'additionalProperties',
  'patternProperties',
  'allOf',
  'oneOf',
  'anyOf',
  'not',
  '$defs',
  'definitions',
  'contains',
  'if',
  'then',
  'else',
  'dependentSchemas',
  'propertyNames',
  'unevaluatedProperties',
  'unevaluatedItems',
]);

const isDeepSchemaRef = (node: Record<string, unknown>) =>
  typeof node.$ref === 'string' && node.$ref.startsWith('#/') && !/^#\/components\/schemas\/[^/]+$/.test(node.$ref);

/** Whether any schema in `node` has a ref openapi-typescript cannot type (read only: most documents have none). */
function hasDeepSchemaRef(node: unknown, inSchema: boolean): boolean {
  if (Array.isArray(node)) return node.some((item) => hasDeepSchemaRef(item, inSchema));
  if (!isObject(node)) return false;
  if (inSchema && isDeepSchemaRef(node)) return true;
  return Object.entries(node).some(([key, value]) => key !== 'example' && key !== 'examples' && hasDeepSchemaRef(value, inSchema || SCHEMA_KEYS.has(key)));
}

const decodeSegment = (s: string) => decodeURIComponent(s).replace(/~1/g, '/').replace(/~0/g, '~');

/**
 * openapi-typescript types a `$ref` as an index into `components` or `paths` by its pointer, which
 * only compiles for `#/components/schemas/<name>`: a ref into `…/Legacy/definitions/treeId` or
 * into `#/paths/…/schema` names a property the generated types do not have. Each such schema is
 * copied into `components.schemas` under a name made from its pointer and the ref pointed there.
 */
export function hoistDeepSchemaRefs(document: JsonObject): JsonObject {
  if (!hasDeepSchemaRef(document, false)) return document;
  const copy = structuredClone(document);
  copy.components ??= {};
  copy.components.schemas ??= {};
  const schemas = copy.components.schemas as JsonObject;
  const hoisted = new Map<string, string>();
  const targetOf = (ref: string) =>
    ref
      .slice(2)
      .split('/')
      .map(decodeSegment)
      .reduce<unknown>((n, k) => (isObject(n) && Object.hasOwn(n, k) ? n[k] : Array.isArray(n) && /^\d+$/.test(k) ? n[Number(k)] : undefined), document);
  const nameFor = (ref: string): string | undefined => {
    const known = hoisted.get(ref);
    if (known) return known;
    const target = targetOf(ref);
    if (!isObject(target) && typeof target !== 'boolean') return undefined;
    const base = ref
      .slice(2)
      .split('/')
      .map(decodeSegment)
      .join('_')
      .replace(/[^A-Za-z0-9._-]+/g, '_')
      .replace(/^components_schemas_/, '');
    let name = base;
    for (let i = 2; Object.hasOwn(schemas, name); i++) name = `${base}_${i}`;
    hoisted.set(ref, name);
    schemas[name] = structuredClone(target);
    queue.push([schemas[name], true]);
    return name;
  };
  const rewrite = (node: unknown, inSchema: boolean): void => {
    if (Array.isArray(node)) for (const item of node) rewrite(item, inSchema);
    else if (isObject(node)) {
      if (inSchema && isDeepSchemaRef(node)) {
        const name = nameFor(node.$ref);
        if (name) node.$ref = `#/components/schemas/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      }
      for (const [key, value] of Object.entries(node)) if (key !== 'example' && key !== 'examples') rewrite(value, inSchema || SCHEMA_KEYS.has(key));
    }
  };
  // The document, then each hoisted schema (whose own deep refs are hoisted in turn).
  const queue: Array<[unknown, boolean]> = [[copy, false]];
  for (let next = queue.shift(); next; next = queue.shift()) rewrite(...next);
  return copy;
}

/**
 * openapi-typescript adds a discriminator's property (`class: "Child"`) to each schema that extends
 * the discriminating parent through `allOf`; if the child declares that property itself, the type
 * has it twice and does not compile (Apple's SiriKit Cloud Media). Such a child's own properties
 * become one more `allOf` member: the same schema, and the added property no longer collides.
 */
function separateDiscriminatorChildren(document: JsonObject): JsonObject {
  const schemas = isObject(document.components?.schemas) ? (document.components.schemas as JsonObject) : {};
  const discriminatorOf = (ref: unknown): string | undefined => {
    const name = typeof ref === 'string' ? /^#\/components\/schemas\/([^/]+)$/.exec(ref)?.[1] : undefined;
    const parent = name === undefined ? undefined : schemas[decodeSegment(name)];
    return isObject(parent) && isObject(parent.discriminator) && typeof parent.discriminator.propertyName === 'string'
      ? parent.discriminator.propertyName
      : undefined;
  };
  const replaced: JsonObject = {};
  for (const [name, schema] of Object.entries(schemas)) {
    if (!isObject(schema) || !Array.isArray(schema.allOf) || !isObject(schema.properties)) continue;
    const own = schema.properties as JsonObject;
    if (!schema.allOf.some((member: unknown) => isObject(member) && Object.hasOwn(own, discriminatorOf(member.$ref) ?? ''))) continue;
    const { properties, required, additionalProperties, type: _type, ...rest } = schema;
    const member = {
      type: 'object',
      properties,
      ...(required === undefined ? {} : { required }),
      ...(additionalProperties === undefined ? {} : { additionalProperties }),
    };
    replaced[name] = { ...rest, allOf: [...schema.allOf, member] };
  }
  if (Object.keys(replaced).length === 0) return document;
  // New objects along the path only: the document itself is not changed.
  return { ...document, components: { ...document.components, schemas: { ...schemas, ...replaced } } };
}

/** A file is a Blob for the client (runtime/types.ts makes it an UploadedFile for the server). */
function fileAsBlob(schema: {
  format?: unknown;
  contentMediaType?: unknown;
  contentEncoding?: unknown;
  nullable?: unknown;
  type?: unknown;
}): ts.TypeNode | undefined {
  const bytes = typeof schema.contentMediaType === 'string' && !/^text\/|json|xml/.test(schema.contentMediaType) && schema.contentEncoding === undefined;
  const file = schema.format === 'binary' || (bytes && schema.type === 'string');
  if (!file) return undefined;
  const blob = ts.factory.createTypeReferenceNode('Blob');
  const nullable = schema.nullable === true || (Array.isArray(schema.type) && schema.type.includes('null'));
  return nullable ? ts.factory.createUnionTypeNode([blob, ts.factory.createLiteralTypeNode(ts.factory.createNull())]) : blob;
}

/**
 * schema.d.ts, by openapi-typescript's transform. Not through `openapiTS()`: that first parses,
 * lints and bundles the document again with its own Redocly, which the spec model has done already
 * (a quarter of the time on GitHub's description, and a redocly.yaml in the working folder could
 * change it). The context is the one openapiTS() builds, with our options.
 */
export async function schemaTypes(document: JsonObject): Promise<string> {
  const hoisted = hoistDeepSchemaRefs(document);
  const schema = separateDiscriminatorChildren(makeIdempotencyKeyOptional(hoisted, hoisted !== document)) as unknown as OpenAPI3;
  const options: OpenAPITSOptions = {
    exportType: false,
    rootTypes: false,
    defaultNonNullable: false, // A default does not make a request property required.
    emptyObjectsUnknown: true, // `type: object` alone is any object (JSON Schema), not an empty one.
    transform: fileAsBlob as OpenAPITSOptions['transform'],
  };
  const ast = transformSchema(schema, {
    additionalProperties: false,
    alphabetize: false,
    arrayLength: false,
    defaultNonNullable: false,
    discriminators: scanDiscriminators(schema, options),
    emptyObjectsUnknown: true,
    enum: false,
    enumValues: false,
    conditionalEnums: false,
    dedupeEnums: false,
    excludeDeprecated: false,
    exportType: false,
    immutable: false,
    rootTypes: false,
    rootTypesNoSchemaPrefix: false,
    rootTypesKeepCasing: false,
    injectFooter: [],
    pathParamsAsTypes: false,
    postTransform: undefined,
    propertiesRequiredByDefault: false,
    redoc: undefined as never,
    silent: false,
    inject: undefined,
    transform: options.transform,
    transformProperty: undefined,
    makePathsEnum: false,
    generatePathParams: false,
    readWriteMarkers: false,
    resolve: ($ref: string) => resolveRef(schema, $ref, { silent: false }),
  } as Parameters<typeof transformSchema>[1]);
  return astToString(ast);
}

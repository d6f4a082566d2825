import { createRequire } from 'node:module';
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';
import { isObject, type JsonObject } from '../model/openapi-index.ts';

const require = createRequire(import.meta.url);

/**
 * openapi-typescript validates with its own Redocly (v1, nested under it). It gets a configuration
 * built here, so a redocly.yaml lying in the working folder never changes or breaks generation.
 */
async function ownRedoclyConfig(): Promise<unknown> {
  const redocly = createRequire(require.resolve('openapi-typescript'))('@redocly/openapi-core') as {
    createConfig(raw: unknown, options?: unknown): Promise<unknown>;
  };
  return redocly.createConfig({ rules: {} }, { extends: ['minimal'] });
}

/**
 * The client fills Idempotency-Key itself (one per call, reused on retries), so the types make it
 * optional; the server still requires it, through the spec its validator reads. Changes `document`
 * (a copy hoistDeepSchemaRefs made: one copy of a 13 MB spec is enough).
 */
function makeIdempotencyKeyOptional(document: JsonObject): JsonObject {
  const stack: unknown[] = [document];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) stack.push(...node);
    else if (isObject(node)) {
      if (node.in === 'header' && typeof node.name === 'string' && node.name.toLowerCase() === 'idempotency-key') node.required = false;
      stack.push(...Object.values(node));
    }
  }
  return document;
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

const decodeSegment = (s: string) => decodeURIComponent(s).replace(/~1/g, '/').replace(/~0/g, '~');

/**
 * openapi-typescript types a `$ref` as an index into `components` or `paths` by its pointer, which
 * only compiles for `#/components/schemas/<name>`: a ref into `…/Legacy/definitions/treeId` or
 * into `#/paths/…/schema` names a property the generated types do not have. Each such schema is
 * copied into `components.schemas` under a name made from its pointer and the ref pointed there.
 */
export function hoistDeepSchemaRefs(document: JsonObject): JsonObject {
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
      if (inSchema && typeof node.$ref === 'string' && node.$ref.startsWith('#/') && !/^#\/components\/schemas\/[^/]+$/.test(node.$ref)) {
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
 * Changes `document` (the copy hoistDeepSchemaRefs made).
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
    schemas[name] = { ...rest, allOf: [...schema.allOf, member] };
  }
  return document;
}

export async function schemaTypes(document: JsonObject): Promise<string> {
  const ast = await openapiTS(separateDiscriminatorChildren(makeIdempotencyKeyOptional(hoistDeepSchemaRefs(document))) as never, {
    redocly: (await ownRedoclyConfig()) as never,
    exportType: false,
    rootTypes: false, // A default does not make a request property required.
    defaultNonNullable: false,
    // `type: object` alone is any object (JSON Schema), not an empty one.
    emptyObjectsUnknown: true,
    // A file is a Blob for the client (runtime/types.ts makes it an UploadedFile for the server).
    transform: (schema: { format?: unknown; contentMediaType?: unknown; contentEncoding?: unknown; nullable?: unknown; type?: unknown }) => {
      const bytes = typeof schema.contentMediaType === 'string' && !/^text\/|json|xml/.test(schema.contentMediaType) && schema.contentEncoding === undefined;
      const file = schema.format === 'binary' || (bytes && schema.type === 'string');
      if (!file) return undefined;
      const blob = ts.factory.createTypeReferenceNode('Blob');
      const nullable = schema.nullable === true || (Array.isArray(schema.type) && schema.type.includes('null'));
      return nullable ? ts.factory.createUnionTypeNode([blob, ts.factory.createLiteralTypeNode(ts.factory.createNull())]) : blob;
    },
  });
  return astToString(ast);
}

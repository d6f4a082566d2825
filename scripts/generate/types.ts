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
 * optional; the server still requires it, through the spec its validator reads.
 */
function withOptionalIdempotencyKey(document: JsonObject): JsonObject {
  const copy = structuredClone(document);
  const stack: unknown[] = [copy];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) stack.push(...node);
    else if (isObject(node)) {
      if (node.in === 'header' && typeof node.name === 'string' && node.name.toLowerCase() === 'idempotency-key') node.required = false;
      stack.push(...Object.values(node));
    }
  }
  return copy;
}

export async function schemaTypes(document: JsonObject): Promise<string> {
  const ast = await openapiTS(withOptionalIdempotencyKey(document) as never, {
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

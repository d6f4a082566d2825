/** Refs openapi-typescript cannot type are pointed at copies in components.schemas (#14, item 7). */
import { describe, expect, it } from 'vitest';
import { hoistDeepSchemaRefs } from '../../scripts/generate/types.ts';

describe('hoistDeepSchemaRefs', () => {
  it('copies schemas behind deep refs into components.schemas, following refs inside the copies, leaving the rest', () => {
    const document = {
      openapi: '3.1.0',
      paths: {
        '/a': {
          get: {
            parameters: [{ $ref: '#/components/parameters/P' }],
            responses: { '200': { content: { 'application/json': { schema: { $ref: '#/components/schemas/Legacy/definitions/id' } } } } },
          },
        },
        '/b': {
          get: {
            responses: { '200': { content: { 'application/json': { schema: { $ref: '#/paths/~1a/get/responses/200/content/application~1json/schema' } } } } },
          },
        },
      },
      components: {
        parameters: { P: { name: 'p', in: 'query', schema: { type: 'string' } } },
        schemas: {
          Legacy: {
            type: 'object',
            definitions: { id: { type: 'string' }, pair: { type: 'array', items: { $ref: '#/components/schemas/Legacy/definitions/id' } } },
          },
          Uses: { $ref: '#/components/schemas/Legacy/definitions/pair' },
          Dated: { allOf: [{ type: 'object', properties: { at: { type: 'string' } } }] },
          UsesPart: { $ref: '#/components/schemas/Dated/allOf/0' },
        },
      },
    };
    const hoisted = hoistDeepSchemaRefs(document);
    const schemas = hoisted.components.schemas;
    expect(hoisted.paths['/a'].get.responses['200'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/Legacy_definitions_id' });
    // A ref to a ref: the copy of the path's schema is itself a ref, pointed at the hoisted schema.
    expect(schemas[hoisted.paths['/b'].get.responses['200'].content['application/json'].schema.$ref.split('/').pop()]).toEqual({
      $ref: '#/components/schemas/Legacy_definitions_id',
    });
    expect(schemas.Uses).toEqual({ $ref: '#/components/schemas/Legacy_definitions_pair' });
    // Through arrays too (Codat points into allOf).
    expect(schemas.UsesPart).toEqual({ $ref: '#/components/schemas/Dated_allOf_0' });
    expect(schemas.Dated_allOf_0).toEqual({ type: 'object', properties: { at: { type: 'string' } } });
    expect(schemas.Legacy_definitions_pair).toEqual({ type: 'array', items: { $ref: '#/components/schemas/Legacy_definitions_id' } });
    // Refs outside schemas and refs already at a component stay; the input is not touched.
    expect(hoisted.paths['/a'].get.parameters).toEqual([{ $ref: '#/components/parameters/P' }]);
    expect(document.components.schemas.Uses).toEqual({ $ref: '#/components/schemas/Legacy/definitions/pair' });
  });
});

/**
 * The base document of the change-catalogue tests: small, and built so that each schema travels on
 * one side of the wire only (ThingInput in requests, Thing in responses, Event in a webhook payload),
 * in OpenAPI 3.1 and 3.0 flavours. Each case changes one thing in a copy of it.
 */
export type Version = '3.0' | '3.1';

/** The properties ThingInput and Thing share, so one change can be tried on either side. */
function shared(): Record<string, any> {
  return {
    name: { type: 'string', maxLength: 100, description: 'Its name.' },
    size: { type: 'integer', minimum: 1, maximum: 10 },
    kind: { type: 'string', enum: ['small', 'large'] },
    tags: { type: 'array', items: { type: 'string' }, maxItems: 5 },
    note: { type: 'string' },
    code: { type: 'string', pattern: '^[A-Z]{3}$' },
    when: { type: 'string', format: 'date-time' },
    meta: { type: 'object', additionalProperties: { type: 'string' } },
  };
}

export function baseDocument(version: Version): any {
  const doc: any = {
    openapi: version === '3.1' ? '3.1.0' : '3.0.3',
    info: { title: 'Things', version: '1.0.0', description: 'Things.' },
    servers: [{ url: 'https://api.example.com' }],
    security: [{ bearer: [] }],
    paths: {
      '/v1/things': {
        post: {
          operationId: 'createThing',
          summary: 'Create a thing',
          parameters: [
            { name: 'region', in: 'query', schema: { type: 'string' } },
            { name: 'Idempotency-Key', in: 'header', required: true, schema: { type: 'string' } },
          ],
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/ThingInput' } } } },
          responses: {
            '201': {
              description: 'Created.',
              headers: { Location: { required: true, schema: { type: 'string' } }, 'X-Trace': { schema: { type: 'string' } } },
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } },
            },
            '400': { $ref: '#/components/responses/Problem' },
          },
        },
        get: {
          operationId: 'listThings',
          summary: 'List things',
          parameters: [
            { name: 'cursor', in: 'query', schema: { type: 'string' } },
            { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 } },
            { name: 'ids', in: 'query', schema: { type: 'array', items: { type: 'string' } } },
          ],
          responses: {
            '200': { description: 'A page.', content: { 'application/json': { schema: { $ref: '#/components/schemas/ThingList' } } } },
          },
        },
      },
      '/v1/things/{thing_id}': {
        parameters: [{ name: 'thing_id', in: 'path', required: true, schema: { type: 'string' } }],
        get: {
          operationId: 'getThing',
          summary: 'Get a thing',
          responses: {
            '200': { description: 'The thing.', content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } },
            '404': { $ref: '#/components/responses/Problem' },
          },
        },
      },
    },
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer' },
        key: { type: 'apiKey', in: 'header', name: 'X-Api-Key' },
        oauth: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: 'https://auth.example.com/token', scopes: { read: 'Read.', write: 'Write.' } } } },
      },
      responses: {
        Problem: { description: 'A problem.', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } },
      },
      schemas: {
        ThingInput: { type: 'object', required: ['name'], properties: shared() },
        Thing: {
          type: 'object',
          required: ['id', 'name', 'status'],
          properties: { id: { type: 'string' }, status: { type: 'string', enum: ['active', 'archived'] }, ...shared() },
        },
        ThingList: {
          type: 'object',
          required: ['items'],
          properties: { items: { type: 'array', items: { $ref: '#/components/schemas/Thing' } }, next_cursor: { type: 'string' } },
        },
        Event: { type: 'object', required: ['event_id', 'thing'], properties: { event_id: { type: 'string' }, thing: { $ref: '#/components/schemas/Thing' } } },
        Problem: { type: 'object', properties: { type: { type: 'string' }, title: { type: 'string' } } },
      },
    },
  };
  if (version === '3.1') {
    doc.webhooks = {
      'thing.created': {
        post: {
          operationId: 'thingCreated',
          parameters: [
            { name: 'Webhook-Signature', in: 'header', required: true, schema: { type: 'string' } },
            { name: 'Webhook-Attempt', in: 'header', schema: { type: 'integer' } },
          ],
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/Event' } } } },
          responses: { '200': { description: 'Received.' } },
        },
      },
    };
  } else {
    // 3.0 has no webhooks: the same payload goes out through a callback.
    doc.paths['/v1/things'].post.callbacks = {
      created: {
        '{$request.body#/callback_url}': {
          post: {
            parameters: [
              { name: 'Webhook-Signature', in: 'header', required: true, schema: { type: 'string' } },
              { name: 'Webhook-Attempt', in: 'header', schema: { type: 'integer' } },
            ],
            requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/Event' } } } },
            responses: { '200': { description: 'Received.' } },
          },
        },
      },
    };
  }
  return doc;
}

/** A schema made nullable the way each version writes it. */
export function nullable(schema: Record<string, any>, version: Version): Record<string, any> {
  if (version === '3.0') return { ...schema, nullable: true };
  return { ...schema, type: [schema.type, 'null'] };
}

/** The operation that carries the outgoing payload: the webhook (3.1) or the callback (3.0). */
export function outgoing(doc: any): any {
  return doc.webhooks?.['thing.created']?.post ?? doc.paths['/v1/things'].post.callbacks.created['{$request.body#/callback_url}'].post;
}

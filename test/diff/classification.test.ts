import { describe, expect, it } from 'vitest';
import type { Change, Level } from '../../scripts/diff/change.ts';
import { diffDocuments } from '../../scripts/diff/compare-document.ts';
import { base } from '../../rules/test/harness.ts';

interface Case {
  name: string;
  change: (doc: any) => void;
  /** Changes that must be present (id, level, and the operation when given). */
  expect: Array<{ id: string; level: Level; operation?: string | null; location?: string }>;
  /** When set, no change of these levels may appear beyond the expected ones. */
  only?: Level[];
}

function run(c: Case, from: () => any = base): Change[] {
  const head = from();
  c.change(head);
  return diffDocuments(from(), head);
}

function check(c: Case, from?: () => any) {
  const changes = run(c, from);
  for (const e of c.expect) {
    const match = changes.find((x) => x.id === e.id && x.level === e.level && (e.operation === undefined || x.operation === e.operation) && (e.location === undefined || x.location === e.location));
    expect(match, `${e.id}/${e.level}/${e.operation}: got ${JSON.stringify(changes.map((x) => `${x.level} ${x.id} ${x.operation} ${x.location}`), null, 1)}`).toBeDefined();
  }
  for (const level of c.only ?? []) {
    const unexpected = changes.filter((x) => x.level === level && !c.expect.some((e) => e.id === x.id && e.level === x.level));
    expect(unexpected.map((x) => `${x.id} ${x.operation}`)).toEqual([]);
  }
}

const W = '/paths/~1v1~1widgets';
const WI = '/paths/~1v1~1widgets~1{widget_id}';

const cases: Case[] = [
  // Operations and paths
  { name: 'an operation removed', change: (d) => delete d.paths['/v1/widgets'].post, expect: [{ id: 'operation-removed', level: 'breaking', operation: 'POST /v1/widgets', location: `${W}/post` }] },
  { name: 'a path removed removes each of its operations', change: (d) => delete d.paths['/v1/widgets/{widget_id}'], expect: ['GET', 'PUT', 'PATCH', 'DELETE'].map((m) => ({ id: 'operation-removed', level: 'breaking' as Level, operation: `${m} /v1/widgets/{widget_id}` })) },
  { name: 'an operation added is info', change: (d) => (d.paths['/v2/widgets'] = { get: { responses: { '200': { description: 'ok' } } } }), expect: [{ id: 'operation-added', level: 'info', operation: 'GET /v2/widgets' }], only: ['breaking', 'warning'] },
  // Parameters (requests)
  { name: 'a required parameter added', change: (d) => d.paths['/v1/widgets'].get.parameters.push({ name: 'region', in: 'query', required: true, schema: { type: 'string' } }), expect: [{ id: 'parameter-added-required', level: 'breaking', operation: 'GET /v1/widgets', location: `${W}/get/parameters/2` }] },
  { name: 'an optional parameter added is info', change: (d) => d.paths['/v1/widgets'].get.parameters.push({ name: 'region', in: 'query', schema: { type: 'string' } }), expect: [{ id: 'parameter-added', level: 'info' }], only: ['breaking', 'warning'] },
  { name: 'a parameter made required', change: (d) => (d.components.parameters.Cursor.required = true), expect: [{ id: 'parameter-made-required', level: 'breaking', operation: 'GET /v1/widgets' }, { id: 'parameter-made-required', level: 'breaking', operation: 'GET /v1/widget-events' }] },
  { name: 'a parameter removed is a warning', change: (d) => d.paths['/v1/widgets'].get.parameters.shift(), expect: [{ id: 'parameter-removed', level: 'warning', operation: 'GET /v1/widgets' }], only: ['breaking'] },
  { name: 'a parameter type changed', change: (d) => (d.components.parameters.Cursor.schema = { type: 'integer' }), expect: [{ id: 'type-changed', level: 'breaking', operation: 'GET /v1/widgets', location: '/components/parameters/Cursor/schema/type' }] },
  { name: 'a parameter format changed', change: (d) => { d.components.parameters.WidgetId.schema.format = 'uuid'; }, expect: [{ id: 'request-constraint-tightened', level: 'breaking', operation: 'GET /v1/widgets/{widget_id}' }] },
  { name: 'a format replaced by another', change: (d) => { d.components.schemas.WidgetEvent.properties.occurred_at.format = 'date'; }, expect: [{ id: 'format-changed', level: 'breaking', operation: 'GET /v1/widget-events' }] },
  { name: 'a path parameter renamed is not breaking', change: (d) => { const item = d.paths['/v1/widgets/{widget_id}']; delete d.paths['/v1/widgets/{widget_id}']; item.parameters = [{ name: 'id', in: 'path', required: true, description: 'The widget.', schema: { type: 'string' } }]; d.paths['/v1/widgets/{id}'] = item; }, expect: [{ id: 'path-parameter-renamed', level: 'info', operation: 'GET /v1/widgets/{id}' }], only: ['breaking', 'warning'] },
  // Enums, both directions
  { name: 'a response enum value added', change: (d) => d.components.schemas.Widget.properties.status.enum.push('paused'), expect: [{ id: 'response-enum-value-added', level: 'breaking', operation: 'GET /v1/widgets/{widget_id}', location: '/components/schemas/Widget/properties/status' }, { id: 'request-enum-value-added', level: 'info', operation: 'PUT /v1/widgets/{widget_id}' }] },
  { name: 'a response enum value removed is info, a request one is breaking', change: (d) => (d.components.schemas.Widget.properties.status.enum = ['active', 'failed']), expect: [{ id: 'response-enum-value-removed', level: 'info', operation: 'GET /v1/widgets/{widget_id}' }, { id: 'request-enum-value-removed', level: 'breaking', operation: 'PUT /v1/widgets/{widget_id}' }] },
  // Constraints, both directions
  { name: 'request constraints tightened', change: (d) => { const p = d.components.schemas.WidgetInput.properties.name; p.maxLength = 10; p.pattern = '^[a-z]+$'; d.components.parameters.Limit.schema.maximum = 50; }, expect: [{ id: 'request-constraint-tightened', level: 'breaking', operation: 'POST /v1/widgets', location: '/components/schemas/WidgetInput/properties/name/maxLength' }, { id: 'request-constraint-tightened', level: 'breaking', operation: 'POST /v1/widgets', location: '/components/schemas/WidgetInput/properties/name/pattern' }, { id: 'request-constraint-tightened', level: 'breaking', operation: 'GET /v1/widgets', location: '/components/parameters/Limit/schema/maximum' }] },
  { name: 'request constraints loosened are info', change: (d) => { d.components.parameters.Limit.schema.maximum = 500; d.components.parameters.Limit.schema.minimum = 0; }, expect: [{ id: 'request-constraint-loosened', level: 'info', operation: 'GET /v1/widgets' }], only: ['breaking', 'warning'] },
  { name: 'response constraints loosened', change: (d) => { d.components.schemas.Widget.properties.name.maxLength = 10; }, expect: [{ id: 'response-constraint-tightened', level: 'info', operation: 'GET /v1/widgets/{widget_id}' }, { id: 'request-constraint-tightened', level: 'breaking', operation: 'PUT /v1/widgets/{widget_id}' }] },
  { name: 'a response minItems lowered and a pattern removed are breaking', change: (d) => { d.components.schemas.Widget.properties.notification_url.pattern = undefined; delete d.components.schemas.Widget.properties.notification_url.pattern; }, expect: [{ id: 'response-constraint-loosened', level: 'breaking', operation: 'GET /v1/widgets/{widget_id}' }] },
  // Request bodies
  { name: 'a request media type removed', change: (d) => { d.paths['/v1/widgets'].post.requestBody.content = { 'application/x-www-form-urlencoded': { schema: { type: 'object' } } }; }, expect: [{ id: 'request-media-type-removed', level: 'breaking', operation: 'POST /v1/widgets' }, { id: 'media-type-added', level: 'info' }] },
  { name: 'a request property added as required', change: (d) => { d.components.schemas.WidgetInput.properties.colour = { type: 'string', description: 'C.' }; d.components.schemas.WidgetInput.required.push('colour'); }, expect: [{ id: 'request-property-added-required', level: 'breaking', operation: 'POST /v1/widgets', location: '/components/schemas/WidgetInput/properties/colour' }] },
  { name: 'a request property made required', change: (d) => d.components.schemas.WidgetInput.required.push('price'), expect: [{ id: 'request-property-made-required', level: 'breaking', operation: 'POST /v1/widgets' }] },
  { name: 'a request property removed is a warning', change: (d) => delete d.components.schemas.WidgetInput.properties.price, expect: [{ id: 'request-property-removed', level: 'warning', operation: 'POST /v1/widgets' }], only: ['breaking'] },
  // Responses
  { name: 'a response property removed', change: (d) => delete d.components.schemas.Widget.properties.failure_reason, expect: [{ id: 'response-property-removed', level: 'breaking', operation: 'GET /v1/widgets/{widget_id}', location: '/components/schemas/Widget/properties/failure_reason' }] },
  { name: 'a response property made optional', change: (d) => (d.components.schemas.Widget.required = ['id', 'name']), expect: [{ id: 'response-property-made-optional', level: 'breaking', operation: 'GET /v1/widgets/{widget_id}' }, { id: 'request-property-made-optional', level: 'info', operation: 'PUT /v1/widgets/{widget_id}' }] },
  { name: 'a response property made nullable', change: (d) => (d.components.schemas.Widget.properties.name.type = ['string', 'null']), expect: [{ id: 'response-made-nullable', level: 'breaking', operation: 'GET /v1/widgets' }, { id: 'request-made-nullable', level: 'info', operation: 'PUT /v1/widgets/{widget_id}' }] },
  { name: 'a response property type changed', change: (d) => (d.components.schemas.Widget.properties.total_count.type = 'string'), expect: [{ id: 'type-changed', level: 'breaking', operation: 'GET /v1/widgets/{widget_id}', location: '/components/schemas/Widget/properties/total_count/type' }] },
  { name: 'integer widened to number: harmless in requests, breaking in responses', change: (d) => (d.components.schemas.Widget.properties.total_count.type = 'number'), expect: [{ id: 'type-changed', level: 'breaking', operation: 'GET /v1/widgets/{widget_id}' }, { id: 'type-changed', level: 'info', operation: 'PUT /v1/widgets/{widget_id}' }] },
  { name: 'a response status code removed', change: (d) => delete d.paths['/v1/widgets/{widget_id}'].get.responses['404'], expect: [{ id: 'response-status-removed', level: 'breaking', operation: 'GET /v1/widgets/{widget_id}', location: `${WI}/get/responses/404` }] },
  { name: 'a response status added is info', change: (d) => (d.paths['/v1/widgets/{widget_id}'].get.responses['410'] = { $ref: '#/components/responses/Problem' }), expect: [{ id: 'response-status-added', level: 'info' }], only: ['breaking', 'warning'] },
  { name: 'a response media type removed', change: (d) => (d.paths['/v1/widgets'].get.responses['200'].content = { 'application/xml': { schema: { type: 'object' } } }), expect: [{ id: 'response-media-type-removed', level: 'warning', operation: 'GET /v1/widgets' }] },
  // Composition
  { name: 'a oneOf variant added to a response', change: (d) => (d.components.schemas.Widget.properties.price = { oneOf: [{ $ref: '#/components/schemas/Money' }, { type: 'string', description: 'Free text.' }] }), expect: [{ id: 'response-variant-added', level: 'breaking', operation: 'GET /v1/widgets/{widget_id}' }] },
  { name: 'allOf parts are compared through their $refs', change: (d) => { d.components.schemas.Widget = { allOf: [{ $ref: '#/components/schemas/WidgetInput' }], description: 'A widget.' }; }, expect: [{ id: 'response-property-removed', level: 'breaking', operation: 'GET /v1/widgets/{widget_id}' }] },
  { name: 'a change that cannot be classified is a warning, never dropped', change: (d) => (d.components.schemas.Widget.not = { required: ['secret'] }), expect: [{ id: 'schema-changed', level: 'warning', operation: 'GET /v1/widgets/{widget_id}', location: '/components/schemas/Widget/not' }] },
  // Security
  { name: 'security added to a public operation', change: (d) => { d.paths['/v1/widgets'].get.security = []; }, expect: [{ id: 'security-requirement-added-alternative', level: 'info' }] },
  { name: 'a security scheme changed', change: (d) => (d.components.securitySchemes.bearer_auth = { type: 'apiKey', in: 'header', name: 'X-Key' }), expect: [{ id: 'security-scheme-changed', level: 'breaking', operation: null, location: '/components/securitySchemes/bearer_auth' }] },
  // Documentation
  { name: 'descriptions, summaries and examples are info', change: (d) => { d.paths['/v1/widgets'].get.summary = 'Widgets'; d.paths['/v1/widgets'].get.description = 'All of them.'; d.components.schemas.Widget.properties.name.description = 'The name.'; d.components.schemas.Widget.properties.name.example = 'Gear'; }, expect: [{ id: 'summary-changed', level: 'info' }, { id: 'description-changed', level: 'info' }, { id: 'example-changed', level: 'info' }], only: ['breaking', 'warning'] },
];

describe('diff classification (OpenAPI 3.1)', () => {
  for (const c of cases) it(c.name, () => check(c));

  it('a request enum value removed is breaking, one added is info', () => {
    const from = () => { const d = base(); d.paths['/v1/widgets'].get.parameters.push({ name: 'sort', in: 'query', schema: { type: 'string', enum: ['name', 'created_at'] } }); return d; };
    check({ name: '', change: (d) => (d.paths['/v1/widgets'].get.parameters[2].schema.enum = ['name']), expect: [{ id: 'request-enum-value-removed', level: 'breaking', operation: 'GET /v1/widgets', location: `${W}/get/parameters/2/schema` }] }, from);
    check({ name: '', change: (d) => d.paths['/v1/widgets'].get.parameters[2].schema.enum.push('price'), expect: [{ id: 'request-enum-value-added', level: 'info', operation: 'GET /v1/widgets' }], only: ['breaking', 'warning'] }, from);
  });

  it('identical documents give no change', () => {
    expect(diffDocuments(base(), base())).toEqual([]);
  });

  it('a request body going from optional to required is breaking, and a required body added too', () => {
    const from = () => { const d = base(); d.paths['/v1/widgets/{widget_id}'].patch.requestBody.required = false; return d; };
    check({ name: '', change: (d) => (d.paths['/v1/widgets/{widget_id}'].patch.requestBody.required = true), expect: [{ id: 'request-body-made-required', level: 'breaking', operation: 'PATCH /v1/widgets/{widget_id}' }] }, from);
    check({ name: '', change: (d) => (d.paths['/v1/widgets/{widget_id}/archive'].post.requestBody = { required: true, content: { 'application/json': { schema: { type: 'object' } } } }), expect: [{ id: 'request-body-added-required', level: 'breaking', operation: 'POST /v1/widgets/{widget_id}/archive' }] });
  });

  it('security required where the operation was open is breaking', () => {
    const from = () => { const d = base(); d.paths['/v1/widgets'].get.security = []; return d; };
    check({ name: '', change: (d) => delete d.paths['/v1/widgets'].get.security, expect: [{ id: 'security-requirement-added', level: 'breaking', operation: 'GET /v1/widgets' }] }, from);
  });

  it('a change in a shared schema is reported for every operation that uses it', () => {
    const head = base();
    head.components.schemas.Widget.properties.name.type = 'integer';
    const ops = diffDocuments(base(), head).filter((c) => c.id === 'type-changed').map((c) => c.operation).sort();
    // PUT sends and receives a Widget: reported for its request and for its response.
    expect(ops).toEqual(['GET /v1/widgets', 'GET /v1/widgets/{widget_id}', 'PATCH /v1/widgets/{widget_id}', 'POST /v1/widgets', 'POST /v1/widgets/{widget_id}/archive', 'PUT /v1/widgets/{widget_id}', 'PUT /v1/widgets/{widget_id}'].sort());
  });

  it('webhooks flip the direction: we send the payload, the partner reads it', () => {
    const removed = base();
    delete removed.components.schemas.WidgetEvent.properties.occurred_at;
    expect(diffDocuments(base(), removed)).toContainEqual(expect.objectContaining({ id: 'response-property-removed', level: 'breaking', operation: 'webhook widget.created' }));
    const added = base();
    added.components.schemas.WidgetEvent.properties.source = { type: 'string', description: 'S.' };
    added.components.schemas.WidgetEvent.required.push('source');
    const changes = diffDocuments(base(), added).filter((c) => c.operation === 'webhook widget.created');
    expect(changes.map((c) => `${c.level} ${c.id}`)).toEqual(['info response-property-added']);
  });

  it('recursive schemas are compared without looping', () => {
    const from = () => { const d = base(); d.components.schemas.Widget.properties.parent = { $ref: '#/components/schemas/Widget' }; return d; };
    const head = from();
    head.components.schemas.Widget.properties.name.maxLength = 5;
    expect(diffDocuments(from(), head).some((c) => c.id === 'request-constraint-tightened')).toBe(true);
  });

  it('a new domain is all info, a removed one all breaking', () => {
    expect(diffDocuments(null, base()).every((c) => c.level === 'info' && c.id === 'operation-added')).toBe(true);
    const removed = diffDocuments(base(), null);
    expect(removed.length).toBeGreaterThan(5);
    expect(removed.every((c) => c.level === 'breaking' && c.id === 'operation-removed')).toBe(true);
  });
});

describe('diff classification (OpenAPI 3.0)', () => {
  const base30 = () => {
    const d = base();
    d.openapi = '3.0.3';
    delete d.webhooks;
    d.components.schemas.WidgetList.properties.next_cursor = { type: 'string', nullable: true, description: 'Next.' };
    return d;
  };
  it('nullable: true on a response property is breaking', () => check({ name: '', change: (d) => (d.components.schemas.Widget.properties.name.nullable = true), expect: [{ id: 'response-made-nullable', level: 'breaking', operation: 'GET /v1/widgets/{widget_id}' }] }, base30));
  it('a response property removed', () => check({ name: '', change: (d) => delete d.components.schemas.WidgetList.properties.next_cursor, expect: [{ id: 'response-property-removed', level: 'breaking', operation: 'GET /v1/widgets' }] }, base30));
  it('a required parameter added', () => check({ name: '', change: (d) => d.paths['/v1/widgets'].get.parameters.push({ name: 'q', in: 'query', required: true, schema: { type: 'string' } }), expect: [{ id: 'parameter-added-required', level: 'breaking' }] }, base30));
  it('identical 3.0 documents give no change', () => expect(diffDocuments(base30(), base30())).toEqual([]));
});

import { describe, expect, it } from 'vitest';
import { houseRules } from '../ruleset.ts';
import { base } from './harness.ts';

type RuleFn = (input: unknown, options: unknown, context: unknown) => Array<{ message: string }> | undefined;

/** Shapes a half-written or foreign spec really has: no rule may throw on them. (The loader refuses nesting beyond APIS_MAX_DEPTH.) */
function oddDocuments(): Array<[string, unknown]> {
  const deep: any = { type: 'object', properties: {} };
  let cursor = deep;
  for (let i = 0; i < 200; i++) {
    cursor.properties.child = { type: 'object', properties: {}, allOf: [{ $ref: '#/components/schemas/Loop' }] };
    cursor = cursor.properties.child;
  }
  const weird = base();
  weird.paths['/v1/widgets'].get.responses = null;
  weird.paths['/v1/widgets'].post.responses = { '201': { $ref: '#/components/responses/Nowhere' }, '400': { $ref: 'other.yaml#/Problem' } };
  weird.paths['/v1/widgets/{widget_id}'].parameters = { not: 'a list' };
  weird.paths['/v1/widgets/{widget_id}'].put.parameters = [null, 'text', { $ref: '#/nowhere' }];
  weird.paths['/v1/widgets/{widget_id}'].patch.requestBody = { content: null };
  weird.paths['/v1/widgets/{widget_id}'].delete = 'not an operation';
  weird.paths['/v1/widget-events'] = null;
  weird.webhooks['widget.created'].post.requestBody = { $ref: '#/components/requestBodies/Missing' };
  weird.components.schemas.Widget.properties.status = true;
  weird.components.schemas.Widget.properties.price = false;
  weird.components.schemas.Widget.properties.id = { type: ['integer', 'null'] };
  weird.components.schemas.Widget.properties.amount = { nullable: true, type: 'number' };
  weird.components.schemas.Widget.allOf = 'not a list';
  weird.components.schemas.Widget.required = 'name';
  weird.components.schemas.WidgetList.properties.items = { type: 'array', items: [{ type: 'string' }] };
  weird.components.schemas.Loop = { $ref: '#/components/schemas/Loop' };
  weird.components.schemas.A = { allOf: [{ $ref: '#/components/schemas/B' }], properties: { status: { enum: null } } };
  weird.components.schemas.B = { allOf: [{ $ref: '#/components/schemas/A' }] };
  weird.components.schemas.Deep = deep;
  weird.components.securitySchemes = ['bearer'];
  weird.tags = 'Widgets';
  weird.security = 'everyone';
  weird['x-lint-exceptions'] = null;
  return [
    ['an empty object', {}],
    ['null', null],
    ['a list', []],
    ['a string', 'openapi'],
    ['paths that are a list', { openapi: '3.1.0', paths: [], webhooks: [], components: [] }],
    [
      'an operation without responses',
      { openapi: '3.0.3', paths: { '/v1/x': { post: {}, get: { parameters: [{ name: 'id', in: 'query', schema: { type: 'integer', nullable: true } }] } } } },
    ],
    [
      'a path item that is a string, callbacks that are not maps',
      { openapi: '3.1.0', paths: { '/v1/x': 'text', '/v1/y': { get: { callbacks: { a: 'b', c: { expr: null } } } } } },
    ],
    ['a document full of broken references, cycles, boolean schemas and wrong types', weird],
  ];
}

describe('every house rule on odd shapes', () => {
  for (const [rule, definition] of Object.entries(houseRules as Record<string, { then: { function: RuleFn; functionOptions?: unknown } }>)) {
    for (const [name, document] of oddDocuments()) {
      it(`${rule}: ${name}`, () => {
        const results = definition.then.function(document, definition.then.functionOptions ?? null, { path: [] }) ?? [];
        expect(Array.isArray(results)).toBe(true);
        // The wrapper turns a thrown error into this message: it must never appear.
        expect(results.map((r) => r.message).filter((m) => m.startsWith('the rule could not check'))).toEqual([]);
      });
    }
  }
});

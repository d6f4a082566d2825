/**
 * The change catalogue, table-driven: one base document, one small change per case, compared in
 * both directions (base → head and head → base) on OpenAPI 3.1 and 3.0. A case names every breaking
 * and warning id it expects; any other breaking or warning id fails it (that is how false alarms are
 * caught), and info ids it names must appear too. Then: every catalogue id is exercised by a case,
 * and every fact the comparer can emit has a catalogue entry and a page.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGUE, changeKind, changePagePath, entryFor } from '../../scripts/diff/catalogue.ts';
import { cataloguePages, exampleOf } from '../../scripts/diff/catalogue-pages.ts';
import type { Change } from '../../scripts/diff/change.ts';
import { diffDocuments } from '../../scripts/diff/compare-document.ts';
import { FACT_KINDS, ONE_SIDED, type FactKind } from '../../scripts/diff/facts.ts';
import { REPO } from '../helpers.ts';
import { baseDocument, nullable, outgoing, type Version } from './catalogue-base.ts';

interface Case {
  name: string;
  versions?: Version[];
  /** Applied to base and head alike, before the change. */
  setup?: (doc: any, v: Version) => void;
  change: (doc: any, v: Version) => void;
  /** Ids expected from base → head, and from head → base. */
  forward: string[];
  backward: string[];
}

type Side = 'request' | 'response';
/** The schema a sided case changes: ThingInput travels in requests only, Thing in responses only. */
const target = (doc: any, side: Side) => doc.components.schemas[side === 'request' ? 'ThingInput' : 'Thing'];

/** The same schema change tried on the request side and on the response side. */
function sided(
  name: string,
  change: (s: any, doc: any, v: Version) => void,
  expected: Record<Side, [string[], string[]]>,
  options: { versions?: Version[]; setup?: (s: any, doc: any, v: Version) => void } = {},
): Case[] {
  return (['request', 'response'] as const).map((side) => ({
    name: `${name} (${side})`,
    versions: options.versions,
    setup: options.setup && ((doc, v) => options.setup!(target(doc, side), doc, v)),
    change: (doc, v) => change(target(doc, side), doc, v),
    forward: expected[side][0],
    backward: expected[side][1],
  }));
}

/** request: [forward, backward]; response: [forward, backward], from one pair of ids each. */
const pair = (tightenedOnRequest: boolean): Record<Side, [string[], string[]]> =>
  tightenedOnRequest
    ? {
        request: [['request-constraint-tightened'], ['request-constraint-loosened']],
        response: [['response-constraint-tightened'], ['response-constraint-loosened']],
      }
    : {
        request: [['request-constraint-loosened'], ['request-constraint-tightened']],
        response: [['response-constraint-loosened'], ['response-constraint-tightened']],
      };
const tightens = pair(true);
const both = (fwd: string[], back: string[]): Record<Side, [string[], string[]]> => ({ request: [fwd, back], response: [fwd, back] });
const ONLY_31: Version[] = ['3.1'];
const list = (d: any) => d.paths['/v1/things'].get;
const create = (d: any) => d.paths['/v1/things'].post;
const getOne = (d: any) => d.paths['/v1/things/{thing_id}'].get;
const param = (op: any, name: string) => op.parameters.find((p: any) => p.name === name);

const cases: Case[] = [
  // Operations and the document
  { name: 'an operation removed', change: (d) => delete d.paths['/v1/things/{thing_id}'].get, forward: ['operation-removed'], backward: ['operation-added'] },
  { name: 'an operation deprecated', change: (d) => (getOne(d).deprecated = true), forward: ['operation-deprecated'], backward: ['operation-undeprecated'] },
  {
    name: 'an operationId renamed',
    change: (d) => (getOne(d).operationId = 'fetchThing'),
    forward: ['operation-id-changed'],
    backward: ['operation-id-changed'],
  },
  {
    name: 'summary, description and tags',
    change: (d) => Object.assign(getOne(d), { summary: 'Fetch', description: 'More.', tags: ['Things'] }),
    forward: ['summary-changed', 'description-changed', 'tags-changed'],
    backward: ['summary-changed', 'description-changed', 'tags-changed'],
  },
  {
    name: 'the servers of an operation',
    change: (d) => (getOne(d).servers = [{ url: 'https://eu.example.com' }]),
    forward: ['servers-changed'],
    backward: ['servers-changed'],
  },
  {
    name: 'the servers of the document',
    change: (d) => (d.servers = [{ url: 'https://api2.example.com' }]),
    forward: ['servers-changed'],
    backward: ['servers-changed'],
  },
  { name: 'the version', change: (d) => (d.info.version = '1.1.0'), forward: ['version-changed'], backward: ['version-changed'] },
  {
    name: 'the JSON Schema dialect',
    versions: ONLY_31,
    change: (d) => (d.jsonSchemaDialect = 'https://spec.openapis.org/oas/3.1/dialect/base'),
    forward: ['schema-dialect-changed'],
    backward: ['schema-dialect-changed'],
  },
  {
    name: 'a path parameter renamed',
    change: (d) => {
      const item = d.paths['/v1/things/{thing_id}'];
      delete d.paths['/v1/things/{thing_id}'];
      item.parameters[0].name = 'id';
      d.paths['/v1/things/{id}'] = item;
    },
    forward: ['path-parameter-renamed'],
    backward: ['path-parameter-renamed'],
  },

  // Parameters of requests
  {
    name: 'a required parameter added',
    change: (d) => list(d).parameters.push({ name: 'region', in: 'query', required: true, schema: { type: 'string' } }),
    forward: ['parameter-added-required'],
    backward: ['parameter-removed'],
  },
  {
    name: 'an optional parameter added',
    change: (d) => list(d).parameters.push({ name: 'region', in: 'query', schema: { type: 'string' } }),
    forward: ['parameter-added'],
    backward: ['parameter-removed'],
  },
  {
    name: 'a parameter made required',
    change: (d) => (param(create(d), 'region').required = true),
    forward: ['parameter-made-required'],
    backward: ['parameter-made-optional'],
  },
  {
    name: 'an array parameter no longer exploded',
    change: (d) => (param(list(d), 'ids').explode = false),
    forward: ['parameter-serialization-changed'],
    backward: ['parameter-serialization-changed'],
  },
  {
    name: 'a scalar parameter restyled without effect',
    change: (d) => (param(list(d), 'cursor').style = 'spaceDelimited'),
    forward: ['parameter-serialization-reworded'],
    backward: ['parameter-serialization-reworded'],
  },
  {
    name: 'allowReserved',
    change: (d) => (param(create(d), 'region').allowReserved = true),
    forward: ['parameter-allow-reserved-added'],
    backward: ['parameter-allow-reserved-removed'],
  },
  {
    name: 'allowEmptyValue',
    change: (d) => (param(list(d), 'cursor').allowEmptyValue = true),
    forward: ['parameter-empty-value-allowed'],
    backward: ['parameter-empty-value-disallowed'],
  },
  {
    name: 'a parameter switched from schema to content',
    change: (d) => {
      const p = param(list(d), 'cursor');
      p.content = { 'application/json': { schema: p.schema } };
      delete p.schema;
    },
    forward: ['parameter-content-changed'],
    backward: ['parameter-content-changed'],
  },
  {
    name: 'a parameter deprecated',
    change: (d) => (param(list(d), 'cursor').deprecated = true),
    forward: ['parameter-deprecated'],
    backward: ['description-changed'],
  },
  {
    name: "an optional parameter's default changed",
    change: (d) => (param(list(d), 'limit').schema.default = 50),
    forward: ['request-default-changed'],
    backward: ['request-default-changed'],
  },
  {
    name: "an optional parameter's default removed",
    change: (d) => delete param(list(d), 'limit').schema.default,
    forward: ['request-default-removed'],
    backward: ['request-default-added'],
  },
  {
    name: 'a parameter limit raised',
    change: (d) => (param(list(d), 'limit').schema.maximum = 500),
    forward: ['request-constraint-loosened'],
    backward: ['request-constraint-tightened'],
  },
  {
    name: 'parameter documentation',
    change: (d) => Object.assign(param(list(d), 'cursor'), { description: 'Where to start.', example: 'abc' }),
    forward: ['description-changed', 'example-changed'],
    backward: ['description-changed', 'example-changed'],
  },

  // Parameters of webhooks and callbacks (we send them)
  {
    name: 'a webhook header removed',
    change: (d) => outgoing(d).parameters.shift(),
    forward: ['webhook-parameter-removed'],
    backward: ['webhook-parameter-added'],
  },
  {
    name: 'a webhook header made required',
    change: (d) => (outgoing(d).parameters[1].required = true),
    forward: ['webhook-parameter-made-required'],
    backward: ['webhook-parameter-made-optional'],
  },
  {
    name: 'a webhook header written differently',
    change: (d) => (outgoing(d).parameters[1].style = 'label'),
    forward: ['webhook-parameter-changed'],
    backward: ['webhook-parameter-changed'],
  },
  {
    name: 'a webhook header type changed',
    change: (d) => (outgoing(d).parameters[1].schema.type = 'string'),
    forward: ['type-changed'],
    backward: ['type-changed'],
  },

  // Request bodies and media types
  {
    name: 'a required request body removed',
    change: (d) => delete create(d).requestBody,
    forward: ['request-body-removed'],
    backward: ['request-body-added-required'],
  },
  {
    name: 'a request body made optional',
    change: (d) => (create(d).requestBody.required = false),
    forward: ['request-body-made-optional'],
    backward: ['request-body-made-required'],
  },
  {
    name: 'an optional request body added',
    change: (d) => (getOne(d).requestBody = { content: { 'application/json': { schema: { type: 'object' } } } }),
    forward: ['request-body-added'],
    backward: ['optional-request-body-removed'],
  },
  {
    name: 'a request media type removed',
    setup: (d) => (create(d).requestBody.content['application/x-www-form-urlencoded'] = { schema: { $ref: '#/components/schemas/ThingInput' } }),
    change: (d) => delete create(d).requestBody.content['application/x-www-form-urlencoded'],
    forward: ['request-media-type-removed'],
    backward: ['request-media-type-added'],
  },
  {
    name: 'a charset parameter on the same media type is no change of type',
    change: (d) => {
      const content = create(d).requestBody.content;
      content['application/json; charset=utf-8'] = content['application/json'];
      delete content['application/json'];
    },
    forward: [],
    backward: [],
  },
  {
    name: 'a schema added to a request media type that had none',
    setup: (d) => (create(d).requestBody.content['application/json'] = {}),
    change: (d) => (create(d).requestBody.content['application/json'] = { schema: { $ref: '#/components/schemas/ThingInput' } }),
    forward: ['request-schema-added'],
    backward: ['request-schema-removed'],
  },
  {
    name: 'schema: true is no schema at all',
    versions: ONLY_31,
    setup: (d) => (create(d).requestBody.content['application/json'] = {}),
    change: (d) => (create(d).requestBody.content['application/json'] = { schema: true }),
    forward: [],
    backward: [],
  },
  {
    name: 'the encoding of a multipart part',
    setup: (d) =>
      (create(d).requestBody.content['multipart/form-data'] = {
        schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } },
        encoding: { file: { contentType: 'image/png' } },
      }),
    change: (d) => (create(d).requestBody.content['multipart/form-data'].encoding.file.contentType = 'image/jpeg'),
    forward: ['encoding-changed'],
    backward: ['encoding-changed'],
  },
  {
    name: 'a webhook payload removed',
    change: (d) => delete outgoing(d).requestBody,
    forward: ['webhook-payload-removed'],
    backward: ['webhook-payload-added'],
  },
  {
    name: 'a webhook payload made optional',
    change: (d) => (outgoing(d).requestBody.required = false),
    forward: ['webhook-payload-made-optional'],
    backward: ['webhook-payload-made-required'],
  },

  // Responses
  {
    name: 'a success status replaced by another',
    change: (d) => {
      create(d).responses['200'] = create(d).responses['201'];
      delete create(d).responses['201'];
    },
    forward: ['response-success-status-removed', 'response-success-status-added'],
    backward: ['response-success-status-removed', 'response-success-status-added'],
  },
  {
    name: 'an error status removed',
    change: (d) => delete getOne(d).responses['404'],
    forward: ['response-status-removed'],
    backward: ['response-status-added'],
  },
  {
    name: 'an error status folded into its range',
    change: (d) => {
      getOne(d).responses['4XX'] = getOne(d).responses['404'];
      delete getOne(d).responses['404'];
    },
    forward: [],
    backward: [],
  },
  {
    name: 'a response media type removed',
    setup: (d) => (getOne(d).responses['200'].content['application/xml'] = { schema: { $ref: '#/components/schemas/Thing' } }),
    change: (d) => delete getOne(d).responses['200'].content['application/json'],
    forward: ['response-media-type-removed'],
    backward: ['response-media-type-added'],
  },
  {
    name: 'a response schema removed',
    change: (d) => delete getOne(d).responses['200'].content['application/json'].schema,
    forward: ['response-schema-removed'],
    backward: ['response-schema-added'],
  },
  {
    name: 'a required response header removed',
    change: (d) => delete create(d).responses['201'].headers.Location,
    forward: ['response-header-removed'],
    backward: ['response-header-added'],
  },
  {
    name: 'an optional response header removed',
    change: (d) => delete create(d).responses['201'].headers['X-Trace'],
    forward: ['response-optional-header-removed'],
    backward: ['response-header-added'],
  },
  {
    name: 'a response header made optional',
    change: (d) => (create(d).responses['201'].headers.Location.required = false),
    forward: ['response-header-made-optional'],
    backward: ['response-header-made-required'],
  },
  {
    name: 'a response header type changed',
    change: (d) => (create(d).responses['201'].headers['X-Trace'].schema.type = 'integer'),
    forward: ['type-changed'],
    backward: ['type-changed'],
  },
  {
    name: 'response links',
    change: (d) => (create(d).responses['201'].links = { self: { operationId: 'getThing' } }),
    forward: ['links-changed'],
    backward: ['links-changed'],
  },
  {
    name: 'what partners answer to a webhook',
    change: (d) => {
      outgoing(d).responses['204'] = outgoing(d).responses['200'];
      delete outgoing(d).responses['200'];
    },
    forward: ['webhook-response-status-removed', 'webhook-response-status-added'],
    backward: ['webhook-response-status-removed', 'webhook-response-status-added'],
  },
  {
    name: 'a header partners must send in their answer',
    change: (d) => (outgoing(d).responses['200'].headers = { 'Receipt-Id': { required: true, schema: { type: 'string' } } }),
    forward: ['webhook-response-header-required'],
    backward: ['webhook-response-header-relaxed'],
  },
  {
    name: 'an optional header partners may send in their answer',
    change: (d) => (outgoing(d).responses['200'].headers = { 'Receipt-Id': { schema: { type: 'string' } } }),
    forward: ['webhook-response-header-added'],
    backward: ['webhook-response-header-relaxed'],
  },

  // Security
  {
    name: 'an open operation secured',
    setup: (d) => (list(d).security = [{}]),
    change: (d) => delete list(d).security,
    forward: ['security-added'],
    backward: ['security-relaxed'],
  },
  {
    name: 'an OAuth scope added',
    setup: (d) => (getOne(d).security = [{ oauth: ['read'] }]),
    change: (d) => (getOne(d).security = [{ oauth: ['read', 'write'] }]),
    forward: ['security-scope-added'],
    backward: ['security-relaxed'],
  },
  {
    name: 'a second credential required',
    change: (d) => (getOne(d).security = [{ bearer: [], key: [] }]),
    forward: ['security-requirement-added'],
    backward: ['security-relaxed'],
  },
  {
    name: 'an authentication alternative removed',
    setup: (d) => (getOne(d).security = [{ bearer: [] }, { key: [] }]),
    change: (d) => (getOne(d).security = [{ bearer: [] }]),
    forward: ['security-alternative-removed'],
    backward: ['security-relaxed'],
  },
  { name: 'authentication no longer required', change: (d) => (getOne(d).security = []), forward: ['security-relaxed'], backward: ['security-added'] },
  {
    name: 'a security scheme sent elsewhere',
    change: (d) => (d.components.securitySchemes.key.name = 'X-Key'),
    forward: ['security-scheme-changed'],
    backward: ['security-scheme-changed'],
  },
  {
    name: 'an unused security scheme removed',
    change: (d) => delete d.components.securitySchemes.oauth,
    forward: ['security-scheme-removed'],
    backward: ['security-scheme-added'],
  },

  // Schemas: types and values
  ...sided('a type changed', (s) => (s.properties.name.type = 'integer'), both(['type-changed'], ['type-changed'])),
  ...sided('integer widened to number', (s) => (s.properties.size.type = 'number'), {
    request: [['request-type-widened'], ['request-type-narrowed']],
    response: [['response-type-widened'], ['response-type-narrowed']],
  }),
  ...sided(
    'a second type allowed',
    (s) => (s.properties.name.type = ['string', 'integer']),
    { request: [['request-type-widened'], ['request-type-narrowed']], response: [['response-type-widened'], ['response-type-narrowed']] },
    { versions: ONLY_31 },
  ),
  ...sided('made nullable', (s, _d, v) => (s.properties.name = nullable(s.properties.name, v)), {
    request: [['request-made-nullable'], ['request-made-non-nullable']],
    response: [['response-made-nullable'], ['response-made-non-nullable']],
  }),
  ...sided('a format replaced', (s) => (s.properties.when.format = 'date'), both(['format-changed'], ['format-changed'])),
  ...sided('int32 widened to int64', (s) => (s.properties.size.format = 'int64'), pair(false), { setup: (s) => (s.properties.size.format = 'int32') }),
  ...sided('an enum value added', (s) => s.properties.kind.enum.push('medium'), {
    request: [['request-enum-value-added'], ['request-enum-value-removed']],
    response: [['response-enum-value-added'], ['response-enum-value-removed']],
  }),
  ...sided(
    'a const widened to an enum',
    (s) => (s.properties.kind = { type: 'string', enum: ['small', 'large'] }),
    { request: [['request-enum-value-added'], ['request-enum-value-removed']], response: [['response-enum-value-added'], ['response-enum-value-removed']] },
    { versions: ONLY_31, setup: (s) => (s.properties.kind = { type: 'string', const: 'small' }) },
  ),
  ...sided('maxLength lowered', (s) => (s.properties.name.maxLength = 50), tightens),
  ...sided('minimum raised', (s) => (s.properties.size.minimum = 2), tightens),
  ...sided(
    'maximum made exclusive',
    (s, _d, v) => {
      if (v === '3.0') s.properties.size.exclusiveMaximum = true;
      else {
        s.properties.size.exclusiveMaximum = 10;
        delete s.properties.size.maximum;
      }
    },
    tightens,
  ),
  ...sided('exclusiveMinimum as a number', (s) => (s.properties.size.exclusiveMinimum = 3), tightens, { versions: ONLY_31 }),
  ...sided('multipleOf to a multiple', (s) => (s.properties.size.multipleOf = 4), tightens, { setup: (s) => (s.properties.size.multipleOf = 2) }),
  ...sided('multipleOf to another', (s) => (s.properties.size.multipleOf = 3), both(['constraint-changed'], ['constraint-changed']), {
    setup: (s) => (s.properties.size.multipleOf = 2),
  }),
  ...sided('items made unique', (s) => (s.properties.tags.uniqueItems = true), tightens),
  ...sided('maxItems lowered', (s) => (s.properties.tags.maxItems = 2), tightens),
  ...sided('minProperties set', (s) => (s.properties.meta.minProperties = 1), tightens),
  ...sided('a pattern added', (s) => (s.properties.note.pattern = '^[a-z ]*$'), tightens),
  ...sided(
    'a pattern replaced by another restrictive one',
    (s) => (s.properties.code.pattern = '^[A-Z]{2}[0-9]$'),
    both(['pattern-changed'], ['pattern-changed']),
  ),
  ...sided('a pattern widened to match anything', (s) => (s.properties.code.pattern = '.*'), pair(false)),

  // Schemas: objects
  ...sided('an optional property added', (s) => (s.properties.extra = { type: 'string' }), {
    request: [['request-property-added'], ['request-property-removed']],
    response: [['response-property-added'], ['response-optional-property-removed']],
  }),
  ...sided(
    'a required property added',
    (s) => {
      s.properties.extra = { type: 'string' };
      s.required.push('extra');
    },
    {
      request: [['request-property-added-required'], ['request-property-removed']],
      response: [['response-property-added'], ['response-property-removed']],
    },
  ),
  ...sided('a property made required', (s) => s.required.push('size'), {
    request: [['request-property-made-required'], ['request-property-made-optional']],
    response: [['response-property-made-required'], ['response-property-made-optional']],
  }),
  ...sided('a required name without a property', (s) => s.required.push('legacy'), {
    request: [['request-property-made-required'], ['request-property-made-optional']],
    response: [['response-property-made-required'], ['response-property-made-optional']],
  }),
  ...sided('the schema closed', (s) => (s.additionalProperties = false), {
    request: [['request-schema-closed'], ['request-schema-opened']],
    response: [['response-schema-closed'], ['response-schema-opened']],
  }),
  ...sided(
    'closed with unevaluatedProperties',
    (s) => (s.unevaluatedProperties = false),
    { request: [['request-schema-closed'], ['request-schema-opened']], response: [['response-schema-closed'], ['response-schema-opened']] },
    { versions: ONLY_31 },
  ),
  ...sided(
    'a property removed from a closed schema',
    (s) => delete s.properties.note,
    {
      request: [['request-property-removed-from-closed-schema'], ['request-property-added']],
      response: [['response-optional-property-removed'], ['response-property-added-to-closed-schema']],
    },
    { setup: (s) => (s.additionalProperties = false) },
  ),
  ...sided(
    'a readOnly property added as required',
    (s) => {
      s.properties.created_at = { type: 'string', readOnly: true };
      s.required.push('created_at');
    },
    {
      request: [[], []],
      response: [['response-property-added'], ['response-property-removed']],
    },
  ),
  ...sided(
    'a readOnly property changed',
    (s) => (s.properties.created_at.type = 'integer'),
    { request: [[], []], response: [['type-changed'], ['type-changed']] },
    { setup: (s) => (s.properties.created_at = { type: 'string', readOnly: true }) },
  ),
  ...sided(
    'a writeOnly property made optional',
    (s) => (s.required = s.required.filter((n: string) => n !== 'secret')),
    { request: [['request-property-made-optional'], ['request-property-made-required']], response: [[], []] },
    {
      setup: (s) => {
        s.properties.secret = { type: 'string', writeOnly: true };
        s.required.push('secret');
      },
    },
  ),
  ...sided(
    'a writeOnly property removed',
    (s) => delete s.properties.secret,
    { request: [['request-property-removed'], ['request-property-added']], response: [[], []] },
    { setup: (s) => (s.properties.secret = { type: 'string', writeOnly: true }) },
  ),
  ...sided('a property made readOnly', (s) => (s.properties.note.readOnly = true), {
    request: [['request-property-removed'], ['request-property-added']],
    response: [['access-mode-changed'], ['access-mode-changed']],
  }),
  ...sided('a property made writeOnly', (s) => (s.properties.name.writeOnly = true), {
    request: [['access-mode-changed'], ['access-mode-changed']],
    response: [['response-property-removed'], ['response-property-added']],
  }),
  ...sided(
    'the schema of additional properties',
    (s) => (s.properties.meta.additionalProperties = { type: 'integer' }),
    both(['type-changed'], ['type-changed']),
  ),
  ...sided('patternProperties added', (s) => (s.properties.meta.patternProperties = { '^x-': { type: 'string', maxLength: 10 } }), tightens, {
    versions: ONLY_31,
  }),
  ...sided('inside patternProperties', (s) => (s.properties.meta.patternProperties['^x-'].maxLength = 5), tightens, {
    versions: ONLY_31,
    setup: (s) => (s.properties.meta.patternProperties = { '^x-': { type: 'string', maxLength: 10 } }),
  }),
  ...sided('propertyNames added', (s) => (s.properties.meta.propertyNames = { pattern: '^[a-z]+$' }), tightens, { versions: ONLY_31 }),
  ...sided('inside propertyNames', (s) => (s.properties.meta.propertyNames.maxLength = 8), tightens, {
    versions: ONLY_31,
    setup: (s) => (s.properties.meta.propertyNames = { pattern: '^[a-z]+$' }),
  }),
  ...sided('dependentRequired grown', (s) => s.dependentRequired.size.push('note'), tightens, {
    versions: ONLY_31,
    setup: (s) => (s.dependentRequired = { size: ['kind'] }),
  }),
  ...sided('dependentSchemas added', (s) => (s.dependentSchemas = { size: { required: ['kind'] } }), tightens, { versions: ONLY_31 }),
  ...sided(
    'inside dependentSchemas',
    (s) => s.dependentSchemas.size.required.push('note'),
    {
      request: [['request-property-made-required'], ['request-property-made-optional']],
      response: [['response-property-made-required'], ['response-property-made-optional']],
    },
    { versions: ONLY_31, setup: (s) => (s.dependentSchemas = { size: { required: ['kind'] } }) },
  ),

  // Schemas: arrays
  ...sided('contains added', (s) => (s.properties.tags.contains = { const: 'main' }), tightens, { versions: ONLY_31 }),
  ...sided('minContains raised', (s) => (s.properties.tags.minContains = 2), tightens, {
    versions: ONLY_31,
    setup: (s) => (s.properties.tags.contains = { const: 'main' }),
  }),
  ...sided('maxContains lowered', (s) => (s.properties.tags.maxContains = 1), tightens, {
    versions: ONLY_31,
    setup: (s) => {
      s.properties.tags.contains = { const: 'main' };
      s.properties.tags.maxContains = 3;
    },
  }),
  ...sided('inside contains', (s) => (s.properties.tags.contains.maxLength = 3), tightens, {
    versions: ONLY_31,
    setup: (s) => (s.properties.tags.contains = { type: 'string' }),
  }),
  ...sided('inside prefixItems', (s) => (s.properties.tags.prefixItems[0].maxLength = 3), tightens, {
    versions: ONLY_31,
    setup: (s) => (s.properties.tags.prefixItems = [{ type: 'string' }]),
  }),
  ...sided('a prefixItems position added', (s) => s.properties.tags.prefixItems.push({ type: 'string', enum: ['x'] }), tightens, {
    versions: ONLY_31,
    setup: (s) => (s.properties.tags.prefixItems = [{ type: 'string' }]),
  }),
  ...sided('no items beyond the prefix (items: false)', (s) => (s.properties.tags.items = false), tightens, {
    versions: ONLY_31,
    setup: (s) => (s.properties.tags.prefixItems = [{ type: 'string' }]),
  }),
  ...sided('unevaluatedItems: false', (s) => (s.properties.tags.unevaluatedItems = false), tightens, {
    versions: ONLY_31,
    setup: (s) => {
      s.properties.tags.prefixItems = [{ type: 'string' }];
      delete s.properties.tags.items;
    },
  }),
  ...sided('inside items', (s) => (s.properties.tags.items.maxLength = 3), tightens),
  ...sided('a prefixItems position that says what items already said', (s) => (s.properties.tags.prefixItems = [{ type: 'string' }]), both([], []), {
    versions: ONLY_31,
  }),
  ...sided('inside unevaluatedProperties', (s) => (s.properties.meta.unevaluatedProperties.maxLength = 3), tightens, {
    versions: ONLY_31,
    setup: (s) => (s.properties.meta = { type: 'object', unevaluatedProperties: { type: 'string' } }),
  }),

  // Schemas: conditions and negation
  ...sided(
    'if/then added',
    (s) => Object.assign(s, { if: { properties: { kind: { const: 'large' } }, required: ['kind'] }, then: { required: ['size'] } }),
    tightens,
    { versions: ONLY_31 },
  ),
  ...sided(
    'a property required inside then',
    (s) => s.then.required.push('note'),
    {
      request: [['request-property-made-required'], ['request-property-made-optional']],
      response: [['response-property-made-required'], ['response-property-made-optional']],
    },
    {
      versions: ONLY_31,
      setup: (s) => Object.assign(s, { if: { properties: { kind: { const: 'large' } }, required: ['kind'] }, then: { required: ['size'] } }),
    },
  ),
  ...sided('a constraint inside else', (s) => (s.else.properties.note.maxLength = 5), tightens, {
    versions: ONLY_31,
    setup: (s) => Object.assign(s, { if: { required: ['kind'] }, then: {}, else: { properties: { note: { maxLength: 10 } } } }),
  }),
  ...sided('the if changed', (s) => (s.if.properties.kind.const = 'small'), both(['condition-changed'], ['condition-changed']), {
    versions: ONLY_31,
    setup: (s) => Object.assign(s, { if: { properties: { kind: { const: 'large' } }, required: ['kind'] }, then: { required: ['size'] } }),
  }),
  ...sided('not added', (s) => (s.not = { required: ['note', 'code'] }), tightens),
  ...sided('a value allowed inside not is refused outside', (s) => s.not.properties.kind.enum.push('large'), tightens, {
    setup: (s) => (s.not = { properties: { kind: { enum: ['small'] } }, required: ['kind'] }),
  }),

  // Schemas: what strings mean
  ...sided('contentEncoding', (s) => (s.properties.note.contentEncoding = 'base64'), both(['content-encoding-changed'], ['content-encoding-changed']), {
    versions: ONLY_31,
  }),
  ...sided(
    'contentMediaType',
    (s) => (s.properties.note.contentMediaType = 'application/json'),
    both(['content-media-type-changed'], ['content-media-type-changed']),
    { versions: ONLY_31 },
  ),
  ...sided(
    'inside contentSchema',
    (s) => (s.properties.note.contentSchema.required = ['a']),
    {
      request: [['request-property-made-required'], ['request-property-made-optional']],
      response: [['response-property-made-required'], ['response-property-made-optional']],
    },
    { versions: ONLY_31, setup: (s) => Object.assign(s.properties.note, { contentMediaType: 'application/json', contentSchema: { type: 'object' } }) },
  ),
  ...sided('through $defs', (s) => (s.$defs.Code.maxLength = 3), tightens, {
    versions: ONLY_31,
    setup: (s, d) => {
      s.$defs = { Code: { type: 'string', maxLength: 5 } };
      s.properties.code = { $ref: `#/components/schemas/${d.components.schemas.ThingInput === s ? 'ThingInput' : 'Thing'}/$defs/Code` };
    },
  }),
  ...sided(
    'a default changed',
    (s) => (s.properties.note.default = 'b'),
    { request: [['request-default-changed'], ['request-default-changed']], response: [['response-default-changed'], ['response-default-changed']] },
    { setup: (s) => (s.properties.note.default = 'a') },
  ),
  ...sided('a default added', (s) => (s.properties.note.default = 'a'), {
    request: [['request-default-added'], ['request-default-removed']],
    response: [['response-default-added'], ['response-default-removed']],
  }),
  ...sided('a property deprecated', (s) => (s.properties.note.deprecated = true), both(['schema-deprecated'], ['description-changed'])),
  ...sided('the XML representation', (s) => (s.properties.note.xml = { attribute: true }), both(['xml-changed'], ['xml-changed'])),
  ...sided('a keyword the comparer does not know', (s) => (s.properties.note.$id = 'https://example.com/note'), both(['schema-changed'], ['schema-changed'])),
  ...sided('readOnly on items (not a property)', (s) => (s.properties.tags.items.readOnly = true), both(['access-mode-changed'], ['access-mode-changed'])),
  ...sided('a false schema', (s) => (s.properties.tags.items = false), tightens, { versions: ONLY_31 }),

  // Schemas: composition
  ...sided(
    'an allOf member added',
    (s, d) => (d.components.schemas[s === d.components.schemas.ThingInput ? 'ThingInput' : 'Thing'] = { allOf: [s, { required: ['size'] }] }),
    {
      request: [['request-property-made-required'], ['request-property-made-optional']],
      response: [['response-property-made-required'], ['response-property-made-optional']],
    },
  ),
  ...sided(
    'a schema refactored into allOf parts means the same',
    (s, d) => {
      const { name, size, ...rest } = s.properties;
      d.components.schemas.NamedBase = { type: 'object', properties: { name, size } };
      d.components.schemas[s === d.components.schemas.ThingInput ? 'ThingInput' : 'Thing'] = {
        allOf: [{ $ref: '#/components/schemas/NamedBase' }, { type: 'object', required: s.required, properties: rest }],
      };
    },
    both([], []),
  ),
  ...sided(
    'a oneOf variant added',
    (s) => s.properties.amount.oneOf.push({ type: 'boolean' }),
    { request: [['request-variant-added'], ['request-variant-removed']], response: [['response-variant-added'], ['response-variant-removed']] },
    { setup: (s) => (s.properties.amount = { oneOf: [{ type: 'string' }, { type: 'integer' }] }) },
  ),
  ...sided(
    'an anyOf member replaced',
    (s) => (s.properties.shape.anyOf[1] = { $ref: '#/components/schemas/Triangle' }),
    { request: [['request-variant-removed'], ['request-variant-removed']], response: [['response-variant-added'], ['response-variant-added']] },
    { setup: shapes('anyOf') },
  ),
  ...sided('oneOf became anyOf', (s) => (s.properties.shape = { anyOf: s.properties.shape.oneOf }), pair(false), { setup: shapes('oneOf') }),
  ...sided(
    'an object wrapped into oneOf with a new variant',
    (s, d) => {
      const name = s === d.components.schemas.ThingInput ? 'ThingInput' : 'Thing';
      d.components.schemas[name] = { oneOf: [s, { type: 'object', required: ['legacy_id'], properties: { legacy_id: { type: 'string' } } }] };
    },
    { request: [['request-overlapping-variant-added'], ['request-variant-removed']], response: [['response-variant-added'], ['response-variant-removed']] },
  ),
  ...sided(
    'an object wrapped into oneOf, changed on the way',
    (s, d) => {
      const name = s === d.components.schemas.ThingInput ? 'ThingInput' : 'Thing';
      d.components.schemas[name] = { oneOf: [{ ...s, required: [...s.required, 'size'] }, { type: 'string' }] };
    },
    {
      request: [['request-property-made-required'], ['request-property-made-optional', 'request-variant-removed']],
      response: [['response-property-made-required', 'response-variant-added'], ['response-property-made-optional']],
    },
  ),
  ...sided(
    'wrapped into a nullable oneOf while the referenced enum lost a value',
    (s, d, v) => {
      d.components.schemas.Kind.enum = ['small'];
      s.properties.kind =
        v === '3.1' ? { oneOf: [{ type: 'null' }, { $ref: '#/components/schemas/Kind' }] } : { nullable: true, allOf: [{ $ref: '#/components/schemas/Kind' }] };
    },
    {
      request: [
        ['request-made-nullable', 'request-enum-value-removed'],
        ['request-made-non-nullable', 'request-enum-value-added'],
      ],
      response: [
        ['response-made-nullable', 'response-enum-value-removed'],
        ['response-made-non-nullable', 'response-enum-value-added'],
      ],
    },
    {
      setup: (s, d) => {
        d.components.schemas.Kind = { type: 'string', enum: ['small', 'large'] };
        s.properties.kind = { $ref: '#/components/schemas/Kind' };
      },
    },
  ),
  ...sided(
    'a discriminated variant added',
    (s) => {
      s.properties.shape.oneOf.push({ $ref: '#/components/schemas/Triangle' });
      s.properties.shape.discriminator.mapping.triangle = '#/components/schemas/Triangle';
    },
    {
      request: [
        ['request-variant-added', 'request-discriminator-value-added'],
        ['request-variant-removed', 'request-discriminator-value-removed'],
      ],
      response: [
        ['response-variant-added', 'response-discriminator-value-added'],
        ['response-variant-removed', 'response-discriminator-value-removed'],
      ],
    },
    { setup: shapes('oneOf', true) },
  ),
  ...sided(
    'a variant no old value can match, in a oneOf',
    (s) => s.properties.shape.oneOf.push({ $ref: '#/components/schemas/Triangle' }),
    { request: [['request-variant-added'], ['request-variant-removed']], response: [['response-variant-added'], ['response-variant-removed']] },
    { setup: shapes('oneOf') },
  ),
  ...sided(
    'the discriminator property changed',
    (s) => (s.properties.shape.discriminator.propertyName = 'kind'),
    both(['discriminator-changed'], ['discriminator-changed']),
    { setup: shapes('oneOf', true) },
  ),
];

/** A `shape` property that is a union of two object components (and a third, Triangle, to swap in). */
function shapes(keyword: 'oneOf' | 'anyOf', discriminated = false) {
  return (s: any, d: any) => {
    const shape = (name: string, extra: string) => ({
      type: 'object',
      required: ['type', extra],
      properties: { type: { type: 'string', enum: [name] }, [extra]: { type: 'number' } },
    });
    Object.assign(d.components.schemas, { Circle: shape('circle', 'radius'), Square: shape('square', 'side'), Triangle: shape('triangle', 'base') });
    s.properties.shape = { [keyword]: [{ $ref: '#/components/schemas/Circle' }, { $ref: '#/components/schemas/Square' }] };
    if (discriminated)
      s.properties.shape.discriminator = { propertyName: 'type', mapping: { circle: '#/components/schemas/Circle', square: '#/components/schemas/Square' } };
  };
}

function run(c: Case, v: Version): { forward: Change[]; backward: Change[] } {
  const base = baseDocument(v);
  c.setup?.(base, v);
  const head = structuredClone(base);
  c.change(head, v);
  return { forward: diffDocuments(base, head), backward: diffDocuments(head, base) };
}

function expectIds(changes: Change[], expected: string[], what: string) {
  const ids = new Set(changes.map((c) => c.id));
  const shown = JSON.stringify(
    changes.map((c) => `${c.level} ${c.id} ${c.operation} ${c.location} ${c.message}`),
    null,
    1,
  );
  for (const id of expected) expect(ids.has(id), `${what}: expected ${id}, got ${shown}`).toBe(true);
  const unexpected = changes.filter((c) => c.level !== 'info' && !expected.includes(c.id));
  expect(
    unexpected.map((c) => `${c.level} ${c.id}: ${c.message}`),
    `${what}: unexpected breaking or warning changes`,
  ).toEqual([]);
}

describe('the change catalogue, case by case', () => {
  for (const c of cases) {
    for (const v of c.versions ?? (['3.1', '3.0'] as Version[])) {
      it(`${c.name} [${v}]`, () => {
        const { forward, backward } = run(c, v);
        expectIds(forward, c.forward, 'base → head');
        expectIds(backward, c.backward, 'head → base');
      });
    }
  }

  it('identical documents give no change, in both versions', () => {
    for (const v of ['3.1', '3.0'] as Version[]) expect(diffDocuments(baseDocument(v), baseDocument(v))).toEqual([]);
  });

  it('a shared schema change is reported once per operation that uses it, with that operation', () => {
    const head = baseDocument('3.1');
    head.components.schemas.Thing.properties.name.type = 'integer';
    const ops = diffDocuments(baseDocument('3.1'), head)
      .filter((c) => c.id === 'type-changed')
      .map((c) => c.operation)
      .sort();
    expect(ops).toEqual(['GET /v1/things', 'GET /v1/things/{thing_id}', 'POST /v1/things', 'webhook thing.created'].sort());
  });

  it('webhooks turn the sides around: the payload is ours, the partner reads it', () => {
    const head = baseDocument('3.1');
    head.components.schemas.Event.required.push('source');
    head.components.schemas.Event.properties.source = { type: 'string' };
    const changes = diffDocuments(baseDocument('3.1'), head).filter((c) => c.operation === 'webhook thing.created');
    expect(changes.map((c) => `${c.level} ${c.id}`)).toEqual(['info response-property-added']);
  });

  it('callbacks are named after the operation that declares them', () => {
    const head = baseDocument('3.0');
    delete outgoing(head).requestBody;
    expect(diffDocuments(baseDocument('3.0'), head)).toContainEqual(
      expect.objectContaining({ id: 'webhook-payload-removed', operation: 'callback created POST {$request.body#/callback_url} (of POST /v1/things)' }),
    );
  });

  it('recursive schemas and pure $ref cycles are compared without looping', () => {
    const from = () => {
      const d = baseDocument('3.1');
      d.components.schemas.Thing.properties.parent = { $ref: '#/components/schemas/Thing' };
      d.components.schemas.A = { $ref: '#/components/schemas/B' };
      d.components.schemas.B = { $ref: '#/components/schemas/A' };
      d.components.schemas.ThingInput.properties.loop = { $ref: '#/components/schemas/A' };
      return d;
    };
    const head = from();
    head.components.schemas.Thing.properties.name.maxLength = 500;
    expect(diffDocuments(from(), head).some((c) => c.id === 'response-constraint-loosened')).toBe(true);
  });

  it('a new domain is all info, a removed one all breaking', () => {
    expect(diffDocuments(null, baseDocument('3.1')).every((c) => c.level === 'info' && c.id === 'operation-added')).toBe(true);
    const removed = diffDocuments(baseDocument('3.1'), null);
    expect(removed.length).toBe(4);
    expect(removed.every((c) => c.level === 'breaking' && c.id === 'operation-removed')).toBe(true);
  });

  it('reports where the change is: the keyword in the head, or the removed node in the base', () => {
    const head = baseDocument('3.1');
    head.components.schemas.ThingInput.properties.name.maxLength = 10;
    delete head.components.schemas.Thing.properties.note;
    const changes = diffDocuments(baseDocument('3.1'), head);
    expect(changes.find((c) => c.id === 'request-constraint-tightened')).toMatchObject({
      operation: 'POST /v1/things',
      location: '/components/schemas/ThingInput/properties/name/maxLength',
      message: 'ThingInput.name: maxLength lowered from 100 to 10',
    });
    expect(changes.find((c) => c.id === 'response-optional-property-removed' && c.operation === 'GET /v1/things/{thing_id}')).toMatchObject({
      location: '/components/schemas/Thing/properties/note',
      message: 'Thing.note was removed',
    });
  });
});

describe('the catalogue and its pages', () => {
  const exercised = new Set(cases.flatMap((c) => [...c.forward, ...c.backward]));
  exercised.add('operation-added');

  it('every catalogue id is exercised by at least one case', () => {
    expect(CATALOGUE.map((e) => e.id).filter((id) => !exercised.has(id))).toEqual([]);
  });

  it('every id a case expects is in the catalogue', () => {
    expect([...exercised].filter((id) => !changeKind(id))).toEqual([]);
  });

  it('every fact the comparer can emit, on every side it can be on, is classified', () => {
    const missing: string[] = [];
    for (const kind of Object.keys(FACT_KINDS) as FactKind[]) {
      if (OPERATION_OR_DOCUMENT.has(kind) && !entryFor(kind, 'both') && !entryFor(kind, 'document')) missing.push(kind);
      if (OPERATION_OR_DOCUMENT.has(kind) && !ALSO_ON_A_SIDE.has(kind)) continue;
      for (const side of ['request', 'response'] as const)
        if ((ONE_SIDED[kind] ?? side) === side && !entryFor(kind, side)) missing.push(`${kind} on the ${side} side`);
    }
    expect(missing).toEqual([]);
  });

  it('ids are unique, kebab-case, and each has a page with what, why, an example pair and the ways through', () => {
    const ids = CATALOGUE.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const entry of CATALOGUE) {
      expect(entry.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(exampleOf(entry), `${entry.id} has no example pair`).toBeDefined();
      const page = join(REPO, changePagePath(entry.id));
      expect(existsSync(page), `${changePagePath(entry.id)} is missing: run npm run changes:pages`).toBe(true);
      const text = readFileSync(page, 'utf8');
      for (const heading of ['## What', '## Why', '## Example', '## Ways through']) expect(text, `${entry.id}: ${heading}`).toContain(heading);
      expect(text).toContain(`**${entry.level}**`);
    }
  });

  it('the pages in rules/changes are exactly what the registry renders (npm run changes:pages)', () => {
    const pages = cataloguePages();
    expect(
      readdirSync(join(REPO, 'rules', 'changes'))
        .map((f) => `rules/changes/${f}`)
        .sort(),
    ).toEqual([...pages.keys()].sort());
    for (const [path, text] of pages) expect(readFileSync(join(REPO, path), 'utf8'), `${path} is stale: run npm run changes:pages`).toBe(text);
  });
});

/** Facts about operations or the document as a whole; the rest are about a side of the wire. */
const OPERATION_OR_DOCUMENT = new Set<FactKind>([
  'operation-removed',
  'operation-added',
  'operation-deprecated',
  'operation-undeprecated',
  'operation-id-changed',
  'summary-changed',
  'description-changed',
  'tags-changed',
  'servers-changed',
  'security-added',
  'security-scope-added',
  'security-requirement-added',
  'security-alternative-removed',
  'security-relaxed',
  'security-scheme-changed',
  'security-scheme-removed',
  'security-scheme-added',
  'version-changed',
  'schema-dialect-changed',
]);
/** Of those, the ones also emitted for a side (descriptions of parameters, bodies and schemas). */
const ALSO_ON_A_SIDE = new Set<FactKind>(['description-changed']);

import { describeRule } from './harness.ts';
import { WIDGETS } from './paths.ts';

describeRule('collection-pagination', 'error', [
  {
    name: 'a list without a cursor and with an unbounded limit',
    change: (d) => (d.paths['/v1/widgets'].get.parameters = [{ name: 'limit', in: 'query', schema: { type: 'integer' } }]),
    expect: [
      { pointer: `${WIDGETS}/get/parameters/0`, message: /limit must be an integer with a maximum/ },
      { pointer: `${WIDGETS}/get`, message: /takes no cursor parameter/ },
    ],
  },
  {
    name: 'a bare array body, paged by offset',
    change: (d) => {
      const get = d.paths['/v1/widgets'].get;
      get.parameters.push({ name: 'offset', in: 'query', schema: { type: 'integer' } });
      get.responses['200'].content['application/json'].schema = { type: 'array', items: { $ref: '#/components/schemas/Widget' } };
    },
    expect: [
      { pointer: `${WIDGETS}/get/parameters/2`, message: /takes offset: offset pagination/ },
      { pointer: `${WIDGETS}/get/responses/200`, message: /bare JSON array/ },
    ],
  },
  {
    name: 'an object with an array property and no paging parameters',
    change: (d) => (d.paths['/v1/widgets'].get.parameters = []),
    expect: [
      { pointer: `${WIDGETS}/get`, message: /takes no limit query parameter/ },
      { pointer: `${WIDGETS}/get`, message: /takes no cursor parameter/ },
    ],
  },
  {
    name: 'passes: an item with an array property, and a list paged with older_than',
    change: (d) => {
      d.components.schemas.Widget.properties.tags = { type: 'array', items: { type: 'string' }, description: 'Tags.' };
      d.paths['/v1/widgets'].get.parameters = [{ name: 'older_than', in: 'query', schema: { type: 'string' } }, { $ref: '#/components/parameters/Limit' }];
    },
    expect: [],
  },
]);

import { describeRule } from './harness.ts';
import { WIDGET } from './paths.ts';

describeRule('conditional-update', 'error', [
  {
    name: 'a PATCH without If-Match and a DELETE without 412',
    change: (d) => {
      d.paths['/v1/widgets/{widget_id}'].patch.parameters = [];
      delete d.paths['/v1/widgets/{widget_id}'].delete.responses['412'];
    },
    expect: [
      { pointer: `${WIDGET}/patch`, message: /PATCH \/v1\/widgets\/\{widget_id\} does not accept an If-Match header/ },
      { pointer: `${WIDGET}/delete/responses`, message: /does not declare 412/ },
    ],
  },
  {
    name: 'a GET without ETag',
    change: (d) => delete d.paths['/v1/widgets/{widget_id}'].get.responses['200'].headers,
    expect: [{ pointer: `${WIDGET}/get/responses/200`, message: /must declare an ETag header/ }],
  },
  {
    name: 'passes: lower-case headers, and a PUT on a collection path is not an item update',
    change: (d) => {
      const item = d.paths['/v1/widgets/{widget_id}'];
      item.get.responses['200'].headers = { etag: { $ref: '#/components/headers/ETag' } };
      item.patch.parameters = [{ name: 'if-match', in: 'header', schema: { type: 'string' } }];
      d.paths['/v1/widgets'].put = { operationId: 'replaceAll', responses: { '200': { description: 'ok' } } };
    },
    expect: [],
  },
]);

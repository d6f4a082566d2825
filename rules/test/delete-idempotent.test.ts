import { describeRule } from './harness.ts';
import { WIDGET } from './paths.ts';

describeRule('delete-idempotent', 'error', [
  {
    name: 'a DELETE with a body',
    change: (d) => (d.paths['/v1/widgets/{widget_id}'].delete.requestBody = { content: { 'application/json': { schema: { type: 'object' } } } }),
    expect: [{ pointer: `${WIDGET}/delete/requestBody`, message: /has a request body/ }],
  },
  {
    name: 'a DELETE answering 201 and 206',
    change: (d) => {
      d.paths['/v1/widgets/{widget_id}'].delete.responses['201'] = { description: 'Created?' };
      d.paths['/v1/widgets/{widget_id}'].delete.responses['206'] = { description: 'Partial.' };
    },
    expect: [
      { pointer: `${WIDGET}/delete/responses/201`, message: /answers 201.*200, 202 or 204/ },
      { pointer: `${WIDGET}/delete/responses/206`, message: /answers 206/ },
    ],
  },
  {
    name: 'passes: 200 and 202 with error responses beside them',
    change: (d) => {
      d.paths['/v1/widgets/{widget_id}'].delete.responses['200'] = { description: 'Deleted, here it was.' };
      d.paths['/v1/widgets/{widget_id}'].delete.responses['202'] = { description: 'Deletion queued.' };
      d.paths['/v1/widgets/{widget_id}'].delete.responses['404'] = { $ref: '#/components/responses/Problem' };
    },
    expect: [],
  },
]);

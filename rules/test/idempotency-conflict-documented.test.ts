import { describeRule } from './harness.ts';
import { WIDGET, WIDGETS } from './paths.ts';

describeRule('idempotency-conflict-documented', 'error', [
  {
    name: 'a create with the key and no 409',
    change: (d) => delete d.paths['/v1/widgets'].post.responses['409'],
    expect: [{ pointer: `${WIDGETS}/post/responses`, message: /takes an Idempotency-Key but declares no 409/ }],
  },
  {
    name: 'a PUT that takes the key through the path item, without 409',
    change: (d) => d.paths['/v1/widgets/{widget_id}'].parameters.push({ $ref: '#/components/parameters/IdempotencyKey' }),
    expect: [
      { pointer: `${WIDGET}/get/responses`, message: /GET \/v1\/widgets\/\{widget_id\} takes an Idempotency-Key/ },
      { pointer: `${WIDGET}/put/responses`, message: /PUT/ },
      { pointer: `${WIDGET}/patch/responses`, message: /PATCH/ },
      { pointer: `${WIDGET}/delete/responses`, message: /DELETE/ },
    ],
  },
  {
    name: 'passes: an operation without the key needs no 409',
    change: (d) => {
      d.paths['/v1/widgets'].post.parameters = [];
      delete d.paths['/v1/widgets'].post.responses['409'];
    },
    expect: [],
  },
]);

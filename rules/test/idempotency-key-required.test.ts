import { describeRule } from './harness.ts';
import { ARCHIVE, WIDGETS } from './paths.ts';

describeRule('idempotency-key-required', 'error', [
  {
    name: 'a POST without the header',
    change: (d) => (d.paths['/v1/widgets'].post.parameters = []),
    expect: [{ pointer: `${WIDGETS}/post`, message: /POST \/v1\/widgets has no Idempotency-Key header.*executed twice/ }],
  },
  {
    name: 'an optional header with an integer schema',
    change: (d) => (d.paths['/v1/widgets'].post.parameters = [{ name: 'idempotency-key', in: 'header', schema: { type: 'integer' } }]),
    expect: [
      { pointer: `${WIDGETS}/post/parameters/0`, message: /must be required: true/ },
      { pointer: `${WIDGETS}/post/parameters/0`, message: /string schema/ },
    ],
  },
  {
    name: 'a natural key that names nothing',
    change: (d) => (d.paths['/v1/widgets/{widget_id}/archive'].post['x-idempotency-natural-key'] = 'order_id'),
    expect: [{ pointer: `${ARCHIVE}/post/x-idempotency-natural-key`, message: /"order_id" is neither/ }],
  },
  {
    name: 'passes: a natural key that is a required body property; the header name in any case',
    change: (d) => {
      const post = d.paths['/v1/widgets'].post;
      post.parameters = [{ name: 'IDEMPOTENCY-KEY', in: 'header', required: true, schema: { type: 'string' } }];
      d.paths['/v1/widgets/{widget_id}/archive'].post['x-idempotency-natural-key'] = 'name';
      d.paths['/v1/widgets/{widget_id}/archive'].post.requestBody = {
        content: { 'application/json': { schema: { $ref: '#/components/schemas/WidgetInput' } } },
      };
    },
    expect: [],
  },
]);

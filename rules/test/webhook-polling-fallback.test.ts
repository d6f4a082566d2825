import { describeRule } from './harness.ts';

describeRule('webhook-polling-fallback', 'error', [
  {
    name: 'webhooks without any events feed',
    change: (d) => delete d.paths['/v1/widget-events'],
    expect: [{ pointer: '/webhooks', message: /no cursor-paginated GET …\/events feed/ }],
  },
  {
    name: 'an events feed that is not cursor-paginated',
    change: (d) => (d.paths['/v1/widget-events'].get.parameters = [{ name: 'page', in: 'query', schema: { type: 'integer' } }]),
    expect: [{ pointer: '/webhooks', message: /events feed/ }],
  },
  {
    name: 'callbacks need the feed too',
    change: (d) => {
      delete d.webhooks;
      delete d.paths['/v1/widget-events'];
      d.paths['/v1/widgets'].post.callbacks = { done: { '{$request.body#/callback}': { post: { responses: { '204': { description: 'ok' } } } } } };
    },
    expect: [{ pointer: '/paths/~1v1~1widgets/post/callbacks/done/{$request.body#~1callback}/post', message: /events feed/ }],
  },
  {
    name: 'passes: /v1/events and a document without webhooks',
    change: (d) => {
      d.paths['/v1/events'] = d.paths['/v1/widget-events'];
      delete d.paths['/v1/widget-events'];
    },
    expect: [],
  },
]);

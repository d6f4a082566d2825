import { describeRule } from './harness.ts';
import { SCHEMAS, WEBHOOK } from './paths.ts';

describeRule('webhook-contract', 'error', [
  {
    name: 'a webhook without signature, delivery guarantee or retry policy',
    change: (d) => {
      const post = d.webhooks['widget.created'].post;
      post.parameters = [];
      delete post['x-delivery'];
      delete post['x-retry-policy'];
    },
    expect: [
      { pointer: WEBHOOK, message: /required Webhook-Signature header/ },
      { pointer: WEBHOOK, message: /x-delivery: at-least-once or at-most-once/ },
      { pointer: WEBHOOK, message: /x-retry-policy/ },
    ],
  },
  {
    name: 'an event without occurred_at as a date-time and without a 2xx',
    change: (d) => {
      d.components.schemas.WidgetEvent.properties.occurred_at = { type: 'string', description: 'When.' };
      d.webhooks['widget.created'].post.responses = { '400': { $ref: '#/components/responses/Problem' } };
    },
    expect: [
      { pointer: `${SCHEMAS}/WidgetEvent`, message: /must require occurred_at \(string, format date-time\)/ },
      { pointer: `${WEBHOOK}/responses`, message: /2xx response/ },
    ],
  },
  {
    name: 'a callback is a webhook too',
    change: (d) => {
      d.paths['/v1/widgets'].post.callbacks = {
        done: {
          '{$request.body#/callback}': {
            post: { requestBody: { content: { 'application/json': { schema: { type: 'object' } } } }, responses: { '204': { description: 'ok' } } },
          },
        },
      };
    },
    expect: [
      {
        pointer: '/paths/~1v1~1widgets/post/callbacks/done/{$request.body#~1callback}/post/requestBody/content/application~1json/schema',
        message: /must require event_id/,
      },
      {
        pointer: '/paths/~1v1~1widgets/post/callbacks/done/{$request.body#~1callback}/post/requestBody/content/application~1json/schema',
        message: /must require event_type/,
      },
      {
        pointer: '/paths/~1v1~1widgets/post/callbacks/done/{$request.body#~1callback}/post/requestBody/content/application~1json/schema',
        message: /must require occurred_at/,
      },
      { pointer: '/paths/~1v1~1widgets/post/callbacks/done/{$request.body#~1callback}/post', message: /Webhook-Signature/ },
      { pointer: '/paths/~1v1~1widgets/post/callbacks/done/{$request.body#~1callback}/post', message: /x-delivery/ },
      { pointer: '/paths/~1v1~1widgets/post/callbacks/done/{$request.body#~1callback}/post', message: /x-retry-policy/ },
    ],
  },
  {
    name: 'passes: delivery documented on the path item, the event fields through allOf',
    change: (d) => {
      const item = d.webhooks['widget.created'];
      item['x-delivery'] = 'at-most-once';
      item['x-retry-policy'] = 'No retries: the feed is the source of truth.';
      delete item.post['x-delivery'];
      delete item.post['x-retry-policy'];
      d.components.schemas.Envelope = {
        allOf: [{ $ref: '#/components/schemas/WidgetEvent' }],
        properties: { data: { type: 'object', description: 'Data.' } },
        description: 'E.',
      };
      item.post.requestBody.content['application/json'].schema = { $ref: '#/components/schemas/Envelope' };
    },
    expect: [],
  },
]);

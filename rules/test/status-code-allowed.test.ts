import { describeRule } from './harness.ts';
import { WIDGETS, problemResponse } from './paths.ts';

describeRule('status-code-allowed', 'error', [
  {
    name: 'a 402 for a declined payment',
    change: (d) => (d.paths['/v1/widgets'].post.responses['402'] = problemResponse),
    expect: [{ pointer: `${WIDGETS}/post/responses/402`, message: /POST \/v1\/widgets declares response 402.*business outcome.*resource's state/ }],
  },
  {
    name: 'a 422, a 4XX range and a redirect',
    change: (d) => {
      d.paths['/v1/widgets'].post.responses['422'] = problemResponse;
      d.paths['/v1/widgets'].get.responses['4XX'] = problemResponse;
      d.paths['/v1/widgets'].get.responses['302'] = { description: 'Moved.' };
    },
    expect: [
      { pointer: `${WIDGETS}/post/responses/422`, message: /response 422/ },
      { pointer: `${WIDGETS}/get/responses/4XX`, message: /response 4XX/ },
      { pointer: `${WIDGETS}/get/responses/302`, message: /response 302/ },
    ],
  },
  {
    name: 'a webhook declaring 418 is checked too',
    change: (d) => (d.webhooks['widget.created'].post.responses['418'] = { description: 'Teapot.' }),
    expect: [{ pointer: '/webhooks/widget.created/post/responses/418', message: /webhook widget\.created declares response 418/ }],
  },
  {
    name: 'passes: default, 304 and an x- extension key are not status codes to refuse',
    change: (d) => {
      d.paths['/v1/widgets'].get.responses.default = problemResponse;
      d.paths['/v1/widgets'].get.responses['304'] = { description: 'Not modified.' };
      d.paths['/v1/widgets'].get.responses['x-note'] = 'kept';
    },
    expect: [],
  },
]);

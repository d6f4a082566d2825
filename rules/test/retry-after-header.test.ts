import { describeRule } from './harness.ts';
import { WIDGETS } from './paths.ts';

describeRule('retry-after-header', 'error', [
  {
    name: 'a shared 429 response without the header is reported once, where it is defined',
    change: (d) => delete d.components.responses.TooManyRequests.headers,
    expect: [{ pointer: '/components/responses/TooManyRequests', message: /response 429 must declare a Retry-After header/ }],
  },
  {
    name: 'an inline 503 without the header',
    change: (d) =>
      (d.paths['/v1/widgets'].get.responses['503'] = {
        description: 'Down.',
        content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
      }),
    expect: [{ pointer: `${WIDGETS}/get/responses/503`, message: /response 503/ }],
  },
  {
    name: 'passes: the header name in lower case; other codes need none',
    change: (d) => {
      d.components.responses.TooManyRequests.headers = { 'retry-after': { $ref: '#/components/headers/RetryAfter' } };
      d.paths['/v1/widgets'].get.responses['502'] = { $ref: '#/components/responses/Problem' };
    },
    expect: [],
  },
]);

import { describeRule } from './harness.ts';
import { WIDGETS } from './paths.ts';

describeRule('error-response-format', 'error', [
  {
    name: 'an error as plain JSON',
    change: (d) => (d.paths['/v1/widgets'].post.responses['400'] = { description: 'Bad.', content: { 'application/json': { schema: { type: 'object' } } } }),
    expect: [{ pointer: `${WIDGETS}/post/responses/400`, message: /an error response must have application\/problem\+json content/ }],
  },
  {
    name: 'a problem schema without status and title is reported once per shared response',
    change: (d) => {
      delete d.components.schemas.Problem.properties.status;
      delete d.components.schemas.Problem.properties.title;
    },
    expect: [
      { pointer: '/components/responses/Problem/content/application~1problem+json', message: /lacks title, status/ },
      { pointer: '/components/responses/TooManyRequests/content/application~1problem+json', message: /lacks title, status/ },
      { pointer: '/components/responses/ServiceUnavailable/content/application~1problem+json', message: /lacks title, status/ },
    ],
  },
  {
    name: 'a default response without content',
    change: (d) => (d.paths['/v1/widgets'].get.responses.default = { description: 'Anything.' }),
    expect: [{ pointer: `${WIDGETS}/get/responses/default`, message: /problem\+json/ }],
  },
  {
    name: 'passes: problem fields through allOf; 2xx and 304 need no problem',
    change: (d) => {
      d.components.schemas.Problem = {
        description: 'P.',
        allOf: [{ type: 'object', properties: { type: { type: 'string' }, title: { type: 'string' } } }],
        properties: { status: { type: 'integer', description: 'S.' } },
      };
      d.paths['/v1/widgets'].get.responses['304'] = { description: 'Not modified.' };
    },
    expect: [],
  },
]);

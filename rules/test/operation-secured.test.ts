import { describeRule } from './harness.ts';
import { WIDGETS } from './paths.ts';

describeRule('operation-secured', 'error', [
  {
    name: 'an operation that opts out with security: []',
    change: (d) => (d.paths['/v1/widgets'].get.security = []),
    expect: [{ pointer: `${WIDGETS}/get/security`, message: /GET \/v1\/widgets is not authenticated/ }],
  },
  {
    name: 'an anonymous {} alternative at the root, and no root security at all for another',
    change: (d) => (d.security = [{ bearer_auth: [] }, {}]),
    expect: [
      { pointer: `${WIDGETS}/post`, message: /anonymous access/ },
      { pointer: `${WIDGETS}/get`, message: /anonymous access/ },
      { pointer: '/paths/~1v1~1widgets~1{widget_id}/get', message: /anonymous/ },
      { pointer: '/paths/~1v1~1widgets~1{widget_id}/put', message: /anonymous/ },
      { pointer: '/paths/~1v1~1widgets~1{widget_id}/patch', message: /anonymous/ },
      { pointer: '/paths/~1v1~1widgets~1{widget_id}/delete', message: /anonymous/ },
      { pointer: '/paths/~1v1~1widgets~1{widget_id}~1archive/post', message: /anonymous/ },
      { pointer: '/paths/~1v1~1widget-events/get', message: /anonymous/ },
    ],
  },
  {
    name: 'an API key in the query and HTTP basic',
    change: (d) => {
      d.components.securitySchemes.key = { type: 'apiKey', in: 'query', name: 'key' };
      d.components.securitySchemes.basic = { type: 'http', scheme: 'Basic' };
    },
    expect: [
      { pointer: '/components/securitySchemes/key', message: /query string/ },
      { pointer: '/components/securitySchemes/basic', message: /HTTP basic/ },
    ],
  },
  {
    name: 'passes: x-public with a reason, and webhooks need no security',
    change: (d) => {
      d.paths['/v1/widgets'].get.security = [];
      d.paths['/v1/widgets'].get['x-public'] = 'The public catalogue is shown before login.';
      d.webhooks['widget.created'].post.security = [];
    },
    expect: [],
  },
]);

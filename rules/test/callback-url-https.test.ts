import { describeRule } from './harness.ts';
import { SCHEMAS } from './paths.ts';

describeRule('callback-url-https', 'error', [
  {
    name: 'a webhook_url without format and pattern',
    change: (d) => (d.components.schemas.Widget.properties.webhook_url = { type: 'string', description: 'Where to send.' }),
    expect: [{ pointer: `${SCHEMAS}/Widget/properties/webhook_url`, message: /format: uri and a pattern that requires https/ }],
  },
  {
    name: 'a notification_url whose pattern allows http',
    change: (d) => (d.components.schemas.Widget.properties.notification_url.pattern = '^https?://'),
    expect: [{ pointer: `${SCHEMAS}/Widget/properties/notification_url`, message: /requires https/ }],
  },
  {
    name: 'the url of a webhook endpoint registration body',
    change: (d) => {
      d.components.schemas.Endpoint = { type: 'object', description: 'E.', properties: { url: { type: 'string', format: 'uri', description: 'URL.' } } };
      d.paths['/v1/webhook-endpoints/{endpoint_id}'] = {
        put: {
          operationId: 'putEndpoint',
          requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Endpoint' } } } },
          responses: { '200': { description: 'ok' } },
        },
      };
    },
    expect: [{ pointer: `${SCHEMAS}/Endpoint/properties/url`, message: /url is a URL we deliver events to/ }],
  },
  {
    name: 'passes: an escaped https pattern, and a homepage_url is not a delivery URL',
    change: (d) => {
      d.components.schemas.Widget.properties.notification_url.pattern = '^https:\\/\\/';
      d.components.schemas.Widget.properties.homepage_url = { type: 'string', description: 'Site.' };
    },
    expect: [],
  },
]);

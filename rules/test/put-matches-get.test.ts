import { describeRule } from './harness.ts';
import { WIDGET } from './paths.ts';

describeRule('put-matches-get', 'error', [
  {
    name: 'a PUT sending another schema than GET returns',
    change: (d) => (d.paths['/v1/widgets/{widget_id}'].put.requestBody.content['application/json'].schema = { $ref: '#/components/schemas/WidgetInput' }),
    expect: [
      {
        pointer: `${WIDGET}/put/requestBody/content`,
        message: /same \$ref as the 200 response of GET \/v1\/widgets\/\{widget_id\} \(#\/components\/schemas\/Widget\)/,
      },
    ],
  },
  {
    name: 'a PUT with an inline schema',
    change: (d) => (d.paths['/v1/widgets/{widget_id}'].put.requestBody.content['application/json'].schema = { type: 'object' }),
    expect: [{ pointer: `${WIDGET}/put/requestBody/content`, message: /same \$ref/ }],
  },
  {
    name: 'a PUT on a path without GET',
    change: (d) => (d.paths['/v1/widgets/{widget_id}/archive'].put = { ...d.paths['/v1/widgets/{widget_id}'].put }),
    expect: [{ pointer: '/paths/~1v1~1widgets~1{widget_id}~1archive/put', message: /has no GET on the same path/ }],
  },
  {
    name: 'passes: the same $ref on both sides whatever the charset',
    change: (d) => {
      const put = d.paths['/v1/widgets/{widget_id}'].put;
      put.requestBody.content = { 'application/json; charset=utf-8': { schema: { $ref: '#/components/schemas/Widget' } } };
    },
    expect: [],
  },
]);

import { describeRule } from './harness.ts';
import { WIDGET } from './paths.ts';

const body = (content: Record<string, unknown>) => ({ required: true, content });

describeRule('patch-media-type', 'error', [
  {
    name: 'a PATCH with application/json',
    change: (d) =>
      (d.paths['/v1/widgets/{widget_id}'].patch.requestBody = body({ 'application/json': { schema: { $ref: '#/components/schemas/WidgetPatch' } } })),
    expect: [
      {
        pointer: `${WIDGET}/patch/requestBody/content/application~1json`,
        message: /merge-patch\+json \(RFC 7396\) or application\/json-patch\+json.*POST action/,
      },
    ],
  },
  {
    name: 'a json-patch body that is an object',
    change: (d) => (d.paths['/v1/widgets/{widget_id}'].patch.requestBody = body({ 'application/json-patch+json': { schema: { type: 'object' } } })),
    expect: [{ pointer: `${WIDGET}/patch/requestBody/content/application~1json-patch+json/schema`, message: /must be type: array/ }],
  },
  {
    name: 'passes: json-patch as an array beside merge-patch with a charset parameter',
    change: (d) =>
      (d.paths['/v1/widgets/{widget_id}'].patch.requestBody = body({
        'application/merge-patch+json; charset=utf-8': { schema: { $ref: '#/components/schemas/WidgetPatch' } },
        'application/json-patch+json': { schema: { type: 'array', items: { type: 'object' } } },
      })),
    expect: [],
  },
]);

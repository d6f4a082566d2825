import { describeRule } from './harness.ts';
import { WIDGETS } from './paths.ts';

describeRule('operation-documented', 'error', [
  {
    name: 'a snake_case operationId and no summary',
    change: (d) => {
      d.paths['/v1/widgets'].get.operationId = 'list_widgets';
      delete d.paths['/v1/widgets'].get.summary;
    },
    expect: [
      { pointer: `${WIDGETS}/get/operationId`, message: /lowerCamelCase \(got list_widgets\)/ },
      { pointer: `${WIDGETS}/get`, message: /needs a summary/ },
    ],
  },
  {
    name: 'an undeclared tag, a tag without description, no description',
    change: (d) => {
      d.paths['/v1/widgets'].get.tags = ['Gadgets'];
      d.tags[0].description = '';
      delete d.paths['/v1/widgets'].post.description;
    },
    expect: [
      { pointer: `${WIDGETS}/get/tags/0`, message: /tag Gadgets is not declared/ },
      { pointer: `${WIDGETS}/post`, message: /needs a description/ },
      { pointer: `${WIDGETS}/post/tags/0`, message: /declared without a description/ },
      { pointer: '/paths/~1v1~1widgets~1{widget_id}/get/tags/0', message: /without a description/ },
      { pointer: '/paths/~1v1~1widgets~1{widget_id}/put/tags/0', message: /without a description/ },
      { pointer: '/paths/~1v1~1widgets~1{widget_id}/patch/tags/0', message: /without a description/ },
      { pointer: '/paths/~1v1~1widgets~1{widget_id}/delete/tags/0', message: /without a description/ },
      { pointer: '/paths/~1v1~1widgets~1{widget_id}~1archive/post/tags/0', message: /without a description/ },
    ],
  },
  {
    name: 'a webhook without operationId or tags',
    change: (d) => {
      delete d.webhooks['widget.created'].post.operationId;
      delete d.webhooks['widget.created'].post.tags;
    },
    expect: [
      { pointer: '/webhooks/widget.created/post', message: /webhook widget\.created needs an operationId/ },
      { pointer: '/webhooks/widget.created/post', message: /needs a tag/ },
    ],
  },
  {
    name: 'passes: acronyms inside lowerCamelCase such as getWidgetV2ByID',
    change: (d) => (d.paths['/v1/widgets'].get.operationId = 'getWidgetV2ByID'),
    expect: [],
  },
]);

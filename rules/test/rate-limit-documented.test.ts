import { describeRule } from './harness.ts';
import { WIDGET, WIDGETS } from './paths.ts';

describeRule('rate-limit-documented', 'warning', [
  {
    name: 'an operation without 429',
    change: (d) => delete d.paths['/v1/widgets'].get.responses['429'],
    expect: [{ pointer: `${WIDGETS}/get/responses`, message: /GET \/v1\/widgets does not declare 429/ }],
  },
  {
    name: 'two operations without 429',
    change: (d) => {
      delete d.paths['/v1/widgets/{widget_id}'].put.responses['429'];
      delete d.paths['/v1/widgets/{widget_id}'].delete.responses['429'];
    },
    expect: [
      { pointer: `${WIDGET}/put/responses`, message: /PUT/ },
      { pointer: `${WIDGET}/delete/responses`, message: /DELETE/ },
    ],
  },
  {
    name: 'passes: webhooks are answered by the partner, who does not rate-limit us in the contract',
    change: (d) => delete d.webhooks['widget.created'].post.responses['429'],
    expect: [],
  },
]);

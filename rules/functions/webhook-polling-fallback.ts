import { houseFunction, stringList } from '../lib/define.ts';
import { parametersOf } from '../../scripts/model/http.ts';
import { isObject } from '../../scripts/model/openapi-index.ts';
import { paginationProblems } from './collection-pagination.ts';

/** Webhooks get lost; an event feed lets every consumer recover the state by polling. */
export default houseFunction<{ cursorParameters: string[] }>(
  { type: 'object', properties: { cursorParameters: stringList }, required: ['cursorParameters'], additionalProperties: false },
  (index, { cursorParameters }) => {
    const pushed = index.operations.find((op) => op.kind !== 'path');
    if (!pushed) return [];
    // The feed's last segment names events: /v1/events, /v1/payment-events, /v1/order_events.
    const feed = index.operations.find(
      (op) =>
        op.kind === 'path' &&
        op.method === 'get' &&
        /(^|[-_])events$/.test(op.route.split('/').filter(Boolean).pop() ?? '') &&
        paginationProblems(index, op, parametersOf(index, op), { cursorParameters, forbiddenPaginationParameters: [] }).length === 0,
    );
    if (feed) return [];
    return [
      {
        path: pushed.kind === 'webhook' && isObject(index.document.webhooks) ? ['webhooks'] : pushed.path,
        message:
          'the document sends webhooks or callbacks but has no cursor-paginated GET …/events feed: add one so consumers can recover lost events by polling',
      },
    ];
  },
);

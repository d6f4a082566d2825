/**
 * The knobs of the house rules, in one place. Every rule reads its options from here (through the
 * ruleset), so changing a list below changes `apis lint`, plain Spectral and the editor alike.
 * See rules/README.md for what each knob means.
 */
export const houseConfig = {
  /** status-code-allowed: the only response keys an operation may declare (plus `default`). */
  allowedStatusCodes: [
    '200',
    '201',
    '202',
    '204',
    '304',
    '400',
    '401',
    '403',
    '404',
    '409',
    '410',
    '412',
    '413',
    '415',
    '428',
    '429',
    '500',
    '502',
    '503',
    '504',
  ],
  /** business-outcome-as-state: status values that mean the thing did not happen. */
  failureStatuses: ['canceled', 'cancelled', 'failed', 'declined', 'rejected', 'expired'],
  /** money-as-string: a property whose name has one of these tokens holds money... */
  moneyTokens: ['amount', 'price', 'cost', 'fee', 'fees', 'tip', 'tips', 'balance', 'sum', 'total'],
  /** ...unless it also has one of these, which make it a count, a ratio or an identifier. */
  countTokens: ['count', 'number', 'qty', 'quantity', 'percent', 'percentage', 'rate', 'ratio', 'id', 'ids'],
  /** no-internal-fields: tokens that betray internals (multi-word entries are matched as consecutive tokens). */
  internalTokens: ['internal', 'debug', 'trace', 'stacktrace', 'stack_trace', 'sql', 'db', 'database', 'hostname', 'ip', 'server', 'shard', 'pod', 'node_name'],
  /** no-internal-fields: tokens that may only appear in responses as writeOnly properties. */
  secretTokens: ['password', 'secret'],
  /** webhook-contract: the header every webhook request is signed in. */
  signatureHeader: 'Webhook-Signature',
  /** collection-pagination: names accepted as the cursor parameter of a list. */
  cursorParameters: ['cursor', 'page_token', 'older_than', 'newer_than', 'after', 'before', 'starting_after', 'ending_before'],
  /** collection-pagination: parameters that mean offset pagination. */
  forbiddenPaginationParameters: ['offset', 'page'],
  /** lint-exception-reason: the shortest acceptable reason. */
  minExceptionReasonLength: 10,
} as const;

export type HouseConfig = typeof houseConfig;

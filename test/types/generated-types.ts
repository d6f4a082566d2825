/**
 * Type-level tests of the generated code, checked by `tsc --noEmit` (the first step of `npm test`):
 * every `@ts-expect-error` below must really fire, or tsc fails on an unused directive.
 */
import { createPaymentsClient, type ItemOf, type paths, type paginatedRoutes } from '../../generated/payments/client.ts';
import type { Handlers } from '../../generated/payments/server.ts';
import type { components } from '../../generated/payments/schema.d.ts';

type Payment = components['schemas']['Payment'];
type Problem = components['schemas']['Problem'];

const client = createPaymentsClient({ baseUrl: 'http://127.0.0.1:9' });

export async function clientCalls(): Promise<void> {
  await client.POST('/v1/payments', { body: { amount: { value: '0.20', currency: 'EUR' }, payment_method_token: 'pmt_1' } });
  // @ts-expect-error money is a decimal string: a number is rejected
  await client.POST('/v1/payments', { body: { amount: { value: 0.2, currency: 'EUR' }, payment_method_token: 'pmt_1' } });
  // @ts-expect-error payment_method_token is required
  await client.POST('/v1/payments', { body: { amount: { value: '0.20', currency: 'EUR' } } });
  // @ts-expect-error there is no such path
  await client.GET('/v1/paymentz');
  const { data } = await client.GET('/v1/payments/{payment_id}', { params: { path: { payment_id: 'pay_1' } } });
  if (data) {
    const value: string = data.amount.value;
    // @ts-expect-error a response value is a string, not a number
    const wrong: number = data.amount.value;
    void value;
    void wrong;
  }
}

const payment: Payment = {
  id: 'pay_1',
  status: 'succeeded',
  amount: { value: '1.00', currency: 'EUR' },
  refunded_amount: { value: '0.00', currency: 'EUR' },
  payment_method: { type: 'wallet' },
  created_at: '2026-11-22T10:00:00Z',
};
const problem: Problem = { type: 'https://api.acme-platform.com/problems/not-found', title: 'Not found', status: 404 };

export const handlers: Handlers = {
  createPayment: async ({ body }) => ({ status: 201, body: { ...payment, amount: body.amount } }),
  getPayment: async ({ params }) => (params.payment_id === payment.id ? { status: 200, body: payment } : { status: 404, body: problem }),
  listPayments: async () => ({ status: 200, body: { items: [payment], next_cursor: null } }),
  capturePayment: async () => ({ status: 200, body: payment }),
  cancelPayment: async () => ({ status: 200, body: { ...payment, status: 'canceled' as const } }),
  createRefund: async ({ body }) => ({
    status: 201,
    body: { id: 'rfd_1', payment_id: body.payment_id, status: 'pending' as const, amount: body.amount, created_at: payment.created_at },
  }),
  getRefund: async () => ({ status: 404, body: problem }),
  listRefunds: async () => ({ status: 200, body: { items: [], next_cursor: null } }),
  listPaymentEvents: async () => ({ status: 200, body: { items: [], next_cursor: 'c_0' } }),
};

// @ts-expect-error 402 is not a declared response of getPayment
export const undeclaredStatus: Handlers['getPayment'] = async () => ({ status: 402, body: problem });

// @ts-expect-error the 200 body must be a Payment
export const wrongBody: Handlers['getPayment'] = async () => ({ status: 200, body: problem });

const { getPayment: _left, ...withoutGetPayment } = handlers;
// @ts-expect-error every operation needs a handler
export const incomplete: Handlers = withoutGetPayment;

// paginate (#18): items are typed by the list's item schema; only paginated lists are accepted.
type PaymentItem = ItemOf<paths, typeof paginatedRoutes, '/v1/payments'>;
export const paginatedItem = (item: PaymentItem): Payment => item;
export async function paginateCalls(api: ReturnType<typeof createPaymentsClient>): Promise<void> {
  for await (const refund of api.paginate('/v1/refunds')) {
    const id: string = refund.payment_id;
    void id;
  }
  // @ts-expect-error a single payment is not a list
  api.paginate('/v1/payments/{payment_id}');
  // @ts-expect-error limit is a number
  api.paginate('/v1/payments', { params: { query: { limit: 'ten' } } });
}

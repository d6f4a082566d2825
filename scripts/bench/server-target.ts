/**
 * A server process for `npm run bench:server`: the generated payments server (validation on), or the
 * same express route without validation. Prints its port, serves until killed.
 */
import express from 'express';
import { createPaymentsServer, type Handlers } from '../../generated/payments/server.ts';
import { payment } from './payment.ts';

const ok = async () => ({ status: 200 as const, body: payment });
const handlers = {
  createPayment: async () => ({ status: 201 as const, body: payment }),
  getPayment: ok,
  listPayments: async () => ({ status: 200 as const, body: { items: [payment], next_cursor: null } }),
  capturePayment: ok,
  cancelPayment: ok,
  createRefund: async () => ({
    status: 201 as const,
    body: { id: 'rfd_1', payment_id: 'pay_1', status: 'pending' as const, amount: payment.amount, created_at: payment.created_at },
  }),
  getRefund: async () => ({ status: 404 as const, body: { type: 'x', title: 'x', status: 404 } }),
  listRefunds: async () => ({ status: 200 as const, body: { items: [], next_cursor: null } }),
  listPaymentEvents: async () => ({ status: 200 as const, body: { items: [], next_cursor: 'c' } }),
} satisfies Handlers;

const plain = () => {
  const app = express();
  app.get('/v1/payments/:payment_id', async (_req, res) => res.json((await handlers.getPayment()).body));
  return app;
};
const app = process.argv[2] === 'plain' ? plain() : createPaymentsServer(handlers);
const server = app.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`${typeof address === 'object' && address ? address.port : ''}\n`);
});

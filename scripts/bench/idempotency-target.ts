/**
 * A server process for `npm run bench:idempotency`: the generated payments server with the memory
 * store (`memory`) or the PostgreSQL store (`postgres <url>`). Prints its port, serves until killed.
 */
import { MemoryIdempotencyStore, PostgresIdempotencyStore, createPaymentsServer, type Handlers } from '../../generated/payments/server.ts';
import { payment } from './payment.ts';

const notFound = async () => ({ status: 404 as const, body: { type: 'x', title: 'x', status: 404 } });
const handlers = new Proxy({ createPayment: async () => ({ status: 201 as const, body: payment }) } as unknown as Handlers, {
  get: (target, name) => (target as Record<string | symbol, unknown>)[name] ?? notFound,
});
const [kind, url] = process.argv.slice(2);
const idempotencyStore = kind === 'postgres' ? new PostgresIdempotencyStore({ connection: url }) : new MemoryIdempotencyStore();
if (idempotencyStore instanceof PostgresIdempotencyStore) await idempotencyStore.migrate();
const server = createPaymentsServer(handlers, { idempotencyStore }).listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`${typeof address === 'object' && address ? address.port : ''}\n`);
});

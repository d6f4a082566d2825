/**
 * Attack 11: the mock's options and the Mock-Fault header are bounded, and `--proxy` does not let a
 * silent or huge upstream hold a client or the mock's memory. Real `apis mock` processes, real
 * upstream servers on 127.0.0.1.
 */
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { expectUserError, runApis, tempRepo } from '../helpers.ts';
import { startMock } from '../mock/mock-process.ts';

const auth = { authorization: 'Bearer test-token' };

describe.concurrent('attack 11: mock options are validated', () => {
  const dir = tempRepo();
  const cases: Array<[string[], string, RegExp]> = [
    [['--latency=-5'], '--latency', /a duration or a range/],
    [['--faults', 'latency=-1s'], '--faults', /a duration or a range/],
    [['--latency', '1000000h'], '--latency', /at most 10 minutes/],
    [['--faults', 'retry-after=99999999'], '--faults', /retry-after must be a whole number of seconds from 0 to 86400/],
    [['payments', '--proxy', 'http://127.0.0.1:9', '--proxy-timeout', '0'], '--proxy-timeout', /more than 0/],
    [['payments', '--proxy', 'http://127.0.0.1:9', '--proxy-timeout', 'soon'], '--proxy-timeout', /a duration/],
  ];
  for (const [args, name, pattern] of cases) {
    it(`apis mock ${args.join(' ')} is exit 2 with one line`, async () => {
      expectUserError(await runApis(['mock', '--port', '0', ...args], { cwd: dir }), name, pattern);
    });
  }
});

describe('attack 11: Mock-Fault values out of range are 400', () => {
  it('answers 400 problem+json at once for a delay past the limit, a negative delay and a huge Retry-After', async () => {
    const mock = await startMock(['payments', '--quiet']);
    try {
      for (const header of ['delay=1000000h', 'delay=-5', '503; retry-after=100000000']) {
        const response = await fetch(`${mock.urls.get('payments')}/v1/payments`, { headers: { ...auth, 'mock-fault': header } });
        expect(response.status, header).toBe(400);
        expect(response.headers.get('content-type')).toBe('application/problem+json');
        expect((await response.json()).title).toBe('The Mock-Fault header is not valid');
      }
    } finally {
      await mock.stop();
    }
  }, 60_000);
});

describe('attack 11: --proxy bounds the upstream', () => {
  const servers: Server[] = [];
  afterAll(() => {
    for (const s of servers) s.closeAllConnections?.();
    for (const s of servers) s.close();
  });

  async function upstream(handler: RequestListener): Promise<string> {
    const server = createServer(handler);
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  it('a silent upstream, and one that stalls mid-body, get 504 problem+json after --proxy-timeout', async () => {
    const silent = await upstream(() => {
      /* never answers */
    });
    const stalling = await upstream((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"id": "pay_1", ');
      // ... and never the rest.
    });
    for (const target of [silent, stalling]) {
      const mock = await startMock(['payments', '--proxy', target, '--proxy-timeout', '1s', '--quiet']);
      try {
        const response = await fetch(`${mock.urls.get('payments')}/v1/payments/pay_1`, { headers: auth, signal: AbortSignal.timeout(20_000) });
        expect(response.status).toBe(504);
        expect(response.headers.get('content-type')).toBe('application/problem+json');
        expect(await response.json()).toMatchObject({ status: 504, title: 'The upstream did not answer in time' });
      } finally {
        await mock.stop();
      }
    }
  }, 60_000);

  it('an upstream body past the limit is 502 and is not read to the end', async () => {
    let sent = 0;
    const huge = await upstream((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(64 * 1024, 32);
      const pump = () => {
        while (sent < 64 * 1024 * 1024) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      res.on('error', () => undefined);
      pump();
    });
    const mock = await startMock(['payments', '--proxy', huge, '--quiet'], undefined, { APIS_PROXY_MAX_MB: '1' });
    try {
      const response = await fetch(`${mock.urls.get('payments')}/v1/payments/pay_1`, { headers: auth });
      expect(response.status).toBe(502);
      expect(await response.json()).toMatchObject({ status: 502, title: 'The upstream answer is too large' });
      // The mock stopped reading: far less than the 64 MB the upstream would have sent went out.
      expect(sent).toBeLessThan(16 * 1024 * 1024);
    } finally {
      await mock.stop();
    }
  }, 60_000);
});

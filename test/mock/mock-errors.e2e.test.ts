import { describe, expect, it } from 'vitest';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO, expectUserError, gitRepo, runApis, tempRepo } from '../helpers.ts';
import { processesIn, startMock } from './mock-process.ts';

/** Every refusal of `apis mock`: one line, exit 2, and nothing left running in the folder it ran in. */
async function refused(args: string[], dir: string, fileName: string, pattern: RegExp) {
  const result = await runApis(['mock', '--port', '0', ...args], { cwd: dir });
  expectUserError(result, fileName, pattern);
  expect(processesIn(dir)).toEqual([]);
}

describe.concurrent('apis mock refuses bad input with one line and exit 2', () => {
  it('a domain that does not exist', async () => {
    await refused(['billing'], tempRepo(), 'billing', /unknown domain "billing": specs\/billing\.yaml does not exist \(known: feedback, orders, payments\)/);
  });

  it('a branch that does not exist', async () => {
    await refused(['--ref', 'feature/nope'], gitRepo(), 'feature/nope', /unknown git ref "feature\/nope"/);
  });

  it('a spec that fails to load', async () => {
    await refused([], tempRepo({ 'specs/orders.yaml': 'openapi: 3.1.0\ninfo: [\n' }), 'specs/orders.yaml', /YAML syntax error/);
  });

  it('a spec that fails to load on the branch asked for', async () => {
    const dir = gitRepo({ 'specs/orders.yaml': 'openapi: 3.1.0\ninfo: [\n' });
    await refused(['orders', '--ref', 'master'], dir, 'master:specs/orders.yaml', /YAML syntax error/);
  });

  it('bad fault settings, latency and proxy URLs', async () => {
    const dir = tempRepo();
    await refused(['--faults', 'rate=2'], dir, '--faults', /rate must be a number from 0 to 1, not "2"/);
    await refused(['--faults', 'status=200'], dir, '--faults', /a fault is an HTTP status from 400 to 599 or "drop", not "200"/);
    await refused(['--faults', 'often'], dir, '--faults', /"often" is not name=value/);
    await refused(['--latency', '2s-1s'], dir, '--latency', /--latency: a duration or a range such as 200ms-2s, not "2s-1s"/);
    await refused(['--faults', 'missing.yaml'], dir, 'missing.yaml', /cannot read the faults file/);
    await refused(['payments', 'orders', '--proxy', 'http://localhost:1'], dir, 'name exactly one domain', /--proxy checks one backend/);
    await refused(['payments', '--proxy', 'ftp://example.org'], dir, '--proxy', /not an http\(s\) URL/);
  });

  it('a faults file with an unknown setting names the file', async () => {
    const dir = tempRepo({ 'faults.yaml': 'rate: 0.5\noften: yes\n' });
    await refused(['--faults', 'faults.yaml'], dir, 'faults.yaml', /unknown setting "often"/);
  });

  it('a port in use', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as AddressInfo).port;
    const dir = tempRepo();
    const result = await runApis(['mock', '--port', String(port)], { cwd: dir });
    expectUserError(result, String(port), /port \d+ on 127\.0\.0\.1 is already in use; choose another with --port/);
    expect(processesIn(dir)).toEqual([]);
    blocker.close();
  });
});

describe('apis mock on a large spec (prepared in a worker thread)', () => {
  const large = () => {
    const feedback = readFileSync(join(REPO, 'specs', 'feedback.yaml'), 'utf8');
    return tempRepo({ 'specs/feedback.yaml': `${feedback}x-padding: "${'a'.repeat(3 * 1024 * 1024)}"\n` }, { copySpecs: false });
  };

  it('serves it', async () => {
    const mock = await startMock(['feedback', '--quiet'], large());
    expect((await fetch(`${mock.urls.get('feedback')}/v1/feedback-screen?order_id=ord_1`, { headers: { authorization: 'Bearer t' } })).status).toBe(200);
    expect(await mock.stop()).toBe(0);
  });

  it('refuses it in one line when Prism needs longer than the limit', async () => {
    const dir = large();
    const result = await runApis(['mock', '--port', '0'], { cwd: dir, env: { APIS_MOCK_PREPARE_SECONDS: '0.001' } });
    expectUserError(result, 'specs/feedback.yaml', /Prism could not prepare this spec for mocking within 0\.001 s .*APIS_MOCK_PREPARE_SECONDS/);
    expect(processesIn(dir)).toEqual([]);
  });
});

describe('apis mock stops cleanly', () => {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`on ${signal}: exit 0, port closed, nothing left running`, async () => {
      const dir = tempRepo();
      const mock = await startMock(['--quiet'], dir);
      expect(processesIn(dir)).toHaveLength(1);
      expect((await fetch(`${mock.urls.get('orders')}/v1/orders`, { headers: { authorization: 'Bearer t' } })).status).toBe(200);
      expect(await mock.stop(signal)).toBe(0);
      expect(processesIn(dir)).toEqual([]);
      await expect(fetch(`${mock.urls.get('orders')}/v1/orders`)).rejects.toThrow();
    });
  }
});

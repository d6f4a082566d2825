import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { git, processesIn, startServing } from '../helpers.ts';
import { launchChromium, screenshot, watchedPage } from './browser.ts';
import { docsRepo } from './docs-repo.ts';

/** Reads a Server-Sent Events stream until a `data: reload` event arrives. */
async function nextReload(url: string, signal: AbortSignal): Promise<void> {
  const response = await fetch(url, { signal });
  const reader = response.body!.getReader();
  let text = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) throw new Error('event stream ended');
    text += new TextDecoder().decode(value);
    if (text.includes('data: reload')) return;
  }
}

describe('npm start: the local portal', () => {
  it('serves docs for the working copy and every branch, with the mock for "Try it out", and rebuilds on save', async () => {
    const dir = docsRepo();
    const portal = await startServing(['start', '--port', '0', '--mock-port', '0'], dir, /Docs\s+(http:\/\/\S+)[\s\S]*Ctrl-C stops\./);
    const site = portal.match[1];
    try {
      const output = portal.output();
      const mock = /Mock\s+(http:\/\/\S+)/.exec(output)![1];
      expect(output).toMatch(/Working copy\s+http:\/\/\S+\/working-copy\/index\.html/);
      expect(output).toMatch(/Lint: no findings \(3 silenced/);
      const landing = await (await fetch(site)).text();
      for (const ref of ['working copy', 'master', 'prototype', 'feature/tips']) expect(landing).toContain(`data-ref="${ref}"`);
      expect(await (await fetch(`${site}assets/portal.js`)).text()).toContain(`"mock":"${mock}"`);
      expect((await fetch(`${mock}/payments/v1/payments`, { headers: { authorization: 'Bearer t' } })).status).toBe(200);

      // The working copy's payments page offers the mock as the first server for "Try it out".
      const browser = await launchChromium();
      const { page, errors, outside } = await watchedPage(browser, site.replace(/\/$/, ''));
      await page.goto(`${site}working-copy/payments.html`);
      await page.waitForSelector('.opblock');
      expect(await page.locator('.servers select option').first().textContent()).toContain(`${mock}/payments`);
      await screenshot(page, 'portal-working-copy');

      // "Try it out": every Execute sends a fresh Idempotency-Key instead of the spec's example, unless one is typed.
      const keys: string[] = [];
      page.on('request', (r) => {
        if (r.url().startsWith(`${mock}/payments/v1/payments`) && r.method() === 'POST') keys.push(r.headers()['idempotency-key'] ?? '');
      });
      await page.evaluate(() => {
        const ui = (window as unknown as { ui: { authActions: { authorize(a: unknown): void } } }).ui;
        ui.authActions.authorize({ bearer_auth: { name: 'bearer_auth', schema: { type: 'http', scheme: 'bearer' }, value: 'test-token' } });
      });
      const create = page.locator('.opblock-post', { hasText: '/v1/payments' }).first();
      await create.locator('.opblock-summary').click();
      await create.locator('.try-out__btn').click();
      const execute = async (count: number) => {
        await create.locator('.execute').click();
        await expect.poll(() => keys.length, { timeout: 10_000 }).toBe(count);
      };
      await execute(1);
      await execute(2);
      const example = '786706b8-ed80-443a-80f6-ea1fa8cc1b51';
      expect(keys[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(keys[0]).not.toBe(example);
      expect(keys[1]).not.toBe(keys[0]);
      const typed = '11111111-2222-4333-8444-555555555555';
      await create.locator('tr[data-param-name="Idempotency-Key"] input').fill(typed);
      await execute(3);
      expect(keys[2]).toBe(typed);
      expect(errors).toEqual([]);
      // Only the site itself and the local mock (Try it out) were asked for anything.
      expect(outside.filter((url) => !url.startsWith(`${mock}/`))).toEqual([]);
      await browser.close();

      // A save: lint runs, the working copy is rebuilt, the mock serves the new contract, pages reload.
      const events = new AbortController();
      const reloaded = nextReload(`${site}__apis/events`, events.signal);
      const spec = join(dir, 'specs', 'payments.yaml');
      writeFileSync(
        spec,
        readFileSync(spec, 'utf8')
          .replace('summary: Create a payment\n', 'summary: Create a payment, saved just now\n')
          .replaceAll('description: Order 72-1901\n', 'description: Order 72-1901 (edited)\n'),
      );
      await reloaded;
      events.abort();
      expect(await (await fetch(`${site}working-copy/payments.spec.js`)).text()).toContain('saved just now');
      expect(await (await fetch(`${site}branches/master/payments.spec.js`)).text()).not.toContain('saved just now');
      expect(portal.output()).toMatch(/Docs rebuilt in \d+\.\d s; open pages reloaded\./);
      const payment = await (await fetch(`${mock}/payments/v1/payments/pay_2Xk9fQ7mR4`, { headers: { authorization: 'Bearer t' } })).json();
      expect(payment.description).toBe('Order 72-1901 (edited)');

      // The portal follows git: a new branch with a commit shows up on the landing page within seconds.
      git(dir, 'checkout', '-q', '-b', 'feature/portal-sees-this');
      git(dir, 'commit', '-qam', 'a commit made while the portal runs');
      await expect
        .poll(async () => (await (await fetch(site)).text()).includes('data-ref="feature/portal-sees-this"'), { timeout: 15_000, interval: 250 })
        .toBe(true);
      expect(await (await fetch(site)).text()).toContain('a commit made while the portal runs');
    } finally {
      expect(await portal.stop()).toBe(0);
    }
    // Nothing left running in the repository once the portal has exited (a git command it had
    // started may take a moment to finish on a loaded machine; a leaked server never does).
    await expect.poll(() => processesIn(dir), { timeout: 5_000, interval: 100 }).toEqual([]);
  }, 120_000);
});

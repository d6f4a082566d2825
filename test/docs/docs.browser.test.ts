import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { FEATURE_SUMMARY, branchWith, docsRepo } from './docs-repo.ts';
import { startServing, type Serving } from '../helpers.ts';
import { launchChromium, screenshot, watchedPage } from './browser.ts';

describe('the docs site in a real browser (headless Chromium)', () => {
  let browser: Browser;
  let site: Serving;
  let url: string;
  let origin: string;

  beforeAll(async () => {
    const dir = docsRepo();
    // Hostile markdown in a spec description: neither the script nor the javascript: link may run.
    branchWith(dir, 'feature/xss', (s) =>
      s.replace(
        /(info:\n(?:.*\n)*? {2}description: \|\n)/,
        '$1    <script>window.__xss = "script"</script> <img src="x" onerror="window.__xss = \'img\'"> [Click me](javascript:window.__xss=\'link\') <a id="evil" href="javascript:window.__xss=\'anchor\'">evil</a>\n\n',
      ),
    );
    site = await startServing(['docs', '--serve', '--port', '0'], dir, /Serving (http:\/\/\S+) /);
    url = site.match[1];
    origin = new URL(url).origin;
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    if (site) expect(await site.stop()).toBe(0);
  });

  it('lists master, prototype and the feature branch on the landing page', async () => {
    const { page, errors, outside } = await watchedPage(browser, origin);
    await page.goto(url);
    const refs = await page.locator('table.refs tbody tr a.ref').allTextContents();
    expect(refs.slice(0, 2)).toEqual(['master', 'prototype']);
    expect(refs).toEqual(expect.arrayContaining(['feature/tips', 'feature/xss', 'payments@1.0.0']));
    await screenshot(page, 'landing');
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
  });

  it("renders the feature branch's changed operation, and master's stays as it was", async () => {
    const { page, errors, outside } = await watchedPage(browser, origin);
    await page.goto(`${origin}/branches/feature/tips/payments.html`);
    await page.waitForSelector('.opblock');
    await expect.poll(() => page.locator('#operations-Payments-createPayment .opblock-summary-description').textContent()).toBe(FEATURE_SUMMARY);
    await screenshot(page, 'feature-tips-payments');
    await page.goto(`${origin}/branches/master/payments.html`);
    await page.waitForSelector('.opblock');
    expect(await page.locator('#operations-Payments-createPayment .opblock-summary-description').textContent()).toBe('Create a payment');
    await screenshot(page, 'master-payments');
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
  });

  it('switches domains with the selector, and a deep link opens the right operation', async () => {
    const { page, errors, outside } = await watchedPage(browser, origin);
    await page.goto(`${origin}/branches/master/payments.html`);
    await page.waitForSelector('.opblock');
    await page.click('nav.domain-selector a:text-is("orders")');
    await page.waitForURL(/\/branches\/master\/orders\.html$/);
    await page.waitForSelector('#operations-Orders-createOrder');
    expect(await page.locator('.info .title').textContent()).toMatch(/Orders/);
    await screenshot(page, 'master-orders');

    await page.goto(`${origin}/branches/master/payments.html#/Payments/capturePayment`);
    await page.waitForSelector('#operations-Payments-capturePayment.is-open');
    expect(await page.locator('.opblock.is-open').count()).toBe(1);
    await screenshot(page, 'deep-link-capture');
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
  });

  it('renders every page of every ref without console errors and without a request outside the site', async () => {
    const { page, errors, outside } = await watchedPage(browser, origin);
    for (const path of [
      'index.html',
      'rules/index.html',
      'rules/money-as-string.html',
      'branches/feature/tips/index.html',
      'branches/feature/tips/changes.html',
      'tags/payments@1.0.0/feedback.html',
      'branches/prototype/orders.html',
    ]) {
      await page.goto(`${origin}/${path}`);
      if (path.endsWith('orders.html') || path.endsWith('feedback.html')) await page.waitForSelector('.opblock');
    }
    await screenshot(page, 'prototype-orders');
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
  });

  it('runs neither a <script> nor a javascript: link from a spec description', async () => {
    const { page, outside } = await watchedPage(browser, origin);
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(`${origin}/branches/feature/xss/payments.html`);
    await page.waitForSelector('.opblock');
    const description = page.locator('.info .description');
    await expect.poll(() => description.textContent()).toContain('Click me');
    // Swagger UI's sanitiser drops the script and the handler, and the javascript: URL.
    expect(await page.locator('.info script').count()).toBe(0);
    for (const link of await description.locator('a').all()) {
      const href = (await link.getAttribute('href')) ?? '';
      expect(href.toLowerCase()).not.toMatch(/^\s*javascript:/);
      await link.click({ noWaitAfter: true, force: true }).catch(() => undefined);
    }
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss)).toBeUndefined();
    // Even a javascript: URL forced into the page is refused by the Content-Security-Policy.
    const blocked = await page.evaluate(() => {
      const a = document.createElement('a');
      a.href = "javascript:window.__xss='forced'";
      document.body.append(a);
      a.click();
      return new Promise((resolve) => setTimeout(() => resolve((window as unknown as { __xss?: string }).__xss), 200));
    });
    expect(blocked).toBeUndefined();
    expect(dialogs).toEqual([]);
    await screenshot(page, 'xss-payments');
    expect(outside).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { expectUserError, git, runApis, runApisInProcess, tempRepo } from '../helpers.ts';
import { FEATURE_SUMMARY, branchWith, docsRepo } from './docs-repo.ts';

const site = (dir: string) => join(dir, 'docs-site', 'dist');
const read = (dir: string, path: string) => readFileSync(join(site(dir), path), 'utf8');

/** Every relative link of a page points at a file of the site. */
function brokenLinks(root: string, page: string): string[] {
  const html = readFileSync(join(root, page), 'utf8');
  const base = join(root, page, '..');
  return [...html.matchAll(/(?:href|src)="([^"#:]+)(#[^"]*)?"/g)]
    .map((m) => m[1])
    .filter((link) => !existsSync(join(base, decodeURI(link.replace(/&amp;/g, '&')))));
}

describe('apis docs builds a site from git refs', () => {
  it('lists master, prototype, feature branches and release tags in that order, each with its pages', async () => {
    const dir = docsRepo();
    const head = git(dir, 'rev-parse', 'HEAD');
    const result = await runApis(['docs'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/Docs for 4 refs in docs-site\/dist: 4 refs built, 0 unchanged\./);
    const landing = read(dir, 'index.html');
    const order = [...landing.matchAll(/<tr data-ref="([^"]+)"/g)].map((m) => m[1]);
    expect(order).toEqual(['master', 'prototype', 'feature/tips', 'payments@1.0.0']);
    expect(landing).toContain('feature: tips');
    expect(brokenLinks(site(dir), 'index.html')).toEqual([]);
    for (const folder of ['branches/master', 'branches/prototype', 'branches/feature/tips', 'tags/payments@1.0.0']) {
      for (const page of ['index.html', 'payments.html', 'orders.html', 'feedback.html']) {
        expect(existsSync(join(site(dir), folder, page)), `${folder}/${page}`).toBe(true);
        expect(brokenLinks(site(dir), `${folder}/${page}`), `${folder}/${page}`).toEqual([]);
      }
    }
    expect(read(dir, 'branches/feature/tips/payments.spec.js')).toContain(FEATURE_SUMMARY);
    expect(read(dir, 'branches/master/payments.spec.js')).not.toContain(FEATURE_SUMMARY);
    // Read through git: the working tree and HEAD are untouched.
    expect(git(dir, 'rev-parse', 'HEAD')).toBe(head);
    expect(git(dir, 'status', '--porcelain', '--', 'specs')).toBe('');
  });

  it('gives feature branches a "changes against master" page and renders the house rules, linked from findings', async () => {
    const dir = docsRepo();
    const lowered = (s: string) => s.replace(/( {4}Limit:\n(?:.*\n)*? {8}maximum: )100/, '$150');
    expect(lowered('x')).toBe('x');
    branchWith(dir, 'feature/no-limit', lowered);
    const acceptance = `x-accepted-breaking-changes:\n${['GET /v1/payments', 'GET /v1/payment-events', 'GET /v1/refunds'].map((op) => `  - change: request-constraint-tightened\n    operation: ${op}\n    reason: No client ever asked for more than 50 items a page (checked in the logs).\n`).join('')}`;
    branchWith(dir, 'feature/accepted', (s) => lowered(s).replace('  version: 1.0.0\n', '  version: 2.0.0\n').replace('paths:\n', `${acceptance}paths:\n`));
    expect((await runApis(['docs'], { cwd: dir })).code).toBe(0);
    const changes = read(dir, 'branches/feature/no-limit/changes.html');
    expect(changes).toContain('payments: changes against master');
    expect(changes).toMatch(
      /<strong>breaking, not accepted<\/strong> <a href="\.\.\/\.\.\/\.\.\/changes\/request-constraint-tightened\.html"><code>request-constraint-tightened<\/code><\/a>/,
    );
    expect(brokenLinks(site(dir), 'branches/feature/no-limit/changes.html')).toEqual([]);
    // An accepted change is shown as accepted, with its reason, never as a plain failure.
    const accepted = read(dir, 'branches/feature/accepted/changes.html');
    expect(accepted).toMatch(/<strong>breaking, accepted<\/strong>[^\n]*Reason: No client ever asked for more than 50 items/);
    expect(accepted).not.toContain('not accepted');
    // The change catalogue is part of the site, its index links every page.
    expect(read(dir, 'changes/request-constraint-tightened.html')).toMatch(/<h2[^>]*>Ways through<\/h2>/);
    expect(brokenLinks(site(dir), 'changes/index.html')).toEqual([]);
    expect(existsSync(join(site(dir), 'branches/master/changes.html'))).toBe(false);
    expect(read(dir, 'rules/index.html')).toContain('money-as-string');
    expect(read(dir, 'rules/money-as-string.html')).toMatch(/<h1[^>]*>/);
    // The seed specs carry reasoned exceptions: they show as silenced findings linking to the rule's page.
    const ref = read(dir, 'branches/master/index.html');
    expect(ref).toMatch(/<a href="\.\.\/\.\.\/rules\/[a-z-]+\.html">[a-z-]+<\/a><\/td><td><span class="badge">silenced<\/span>/);
    expect(brokenLinks(site(dir), 'branches/master/index.html')).toEqual([]);
  });

  it('rebuilds only refs whose specs changed, and removes the folders of deleted branches', async () => {
    const dir = docsRepo();
    expect((await runApisInProcess(['docs'], { cwd: dir })).code).toBe(0);
    const masterPage = join(site(dir), 'branches/master/payments.html');
    const before = statSync(masterPage).mtimeMs;
    const again = await runApisInProcess(['docs'], { cwd: dir });
    expect(again.stdout).toMatch(/0 refs built, 4 unchanged/);
    branchWith(dir, 'feature/other', (s) => s.replace('summary: List payments', 'summary: List payments, newest first'));
    git(dir, 'branch', '-D', 'prototype');
    const incremental = await runApisInProcess(['docs'], { cwd: dir });
    expect(incremental.stdout).toMatch(/1 ref built, 3 unchanged, 1 removed \(prototype\)/);
    expect(existsSync(join(site(dir), 'branches/prototype'))).toBe(false);
    expect(read(dir, 'index.html')).not.toContain('data-ref="prototype"');
    expect(read(dir, 'index.html')).toContain('data-ref="feature/other"');
    expect(statSync(masterPage).mtimeMs).toBe(before);
    // --refs builds the matching refs only; the others keep their folders.
    const only = await runApisInProcess(['docs', '--refs', 'feature/**'], { cwd: dir });
    expect(only.stdout).toMatch(/Docs for 2 refs .* 0 refs built, 2 unchanged/);
    expect(existsSync(join(site(dir), 'branches/master/payments.html'))).toBe(true);
  });

  it('gives a branch with slashes and odd characters a safe folder and a working link', async () => {
    const dir = docsRepo();
    const odd = 'feature/ünïcode-#1-&-<b>';
    branchWith(dir, odd, (s) => s.replace('summary: List payments', 'summary: List payments (odd)'));
    expect((await runApisInProcess(['docs'], { cwd: dir })).code).toBe(0);
    const folders = readdirSync(join(site(dir), 'branches', 'feature'));
    const folder = folders.find((f) => f.startsWith('_c3'));
    expect(folder).toMatch(/^[A-Za-z0-9._@-]+$/);
    const landing = read(dir, 'index.html');
    expect(landing).toContain('feature/ünïcode-#1-&amp;-&lt;b&gt;');
    expect(landing).not.toContain('<b>');
    expect(landing).toContain(`href="branches/feature/${folder}/index.html"`);
    expect(brokenLinks(site(dir), 'index.html')).toEqual([]);
  });

  it('gives a ref whose spec does not parse a page that says so, and still builds the other refs', async () => {
    const dir = docsRepo();
    branchWith(dir, 'feature/broken', (s) => s.replace('openapi: 3.1.0', 'openapi: 3.1.0\n  bad: [indent'));
    const result = await runApisInProcess(['docs'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    const page = read(dir, 'branches/feature/broken/payments.html');
    expect(page).toContain('payments does not load at feature/broken');
    expect(page).toMatch(/feature\/broken:specs\/payments\.yaml:\d+:\d+: YAML syntax error/);
    expect(read(dir, 'branches/feature/broken/index.html')).toMatch(/does not load/);
    expect(read(dir, 'branches/feature/broken/orders.spec.js')).toContain('window.apisSpec');
    expect(read(dir, 'branches/master/payments.spec.js')).toContain('window.apisSpec');
  });

  it('refuses an empty repository, a repository without specs/ and a folder that is no repository, in one line', async () => {
    const empty = tempRepo({}, { copySpecs: false });
    execFileSync('git', ['init', '-q', '-b', 'master'], { cwd: empty });
    expectUserError(await runApisInProcess(['docs'], { cwd: empty }), empty, /the repository has no commits yet/);

    const noSpecs = tempRepo({ 'README.md': 'hello\n' }, { copySpecs: false });
    execFileSync('rmdir', [join(noSpecs, 'specs')]);
    git(noSpecs, 'init', '-q', '-b', 'master');
    git(noSpecs, 'add', '-A');
    git(noSpecs, 'commit', '-qm', 'no specs');
    expectUserError(await runApisInProcess(['docs'], { cwd: noSpecs }), noSpecs, /no specs\/ folder on any branch or tag/);

    const plain = tempRepo();
    expectUserError(await runApisInProcess(['docs'], { cwd: plain }), plain, /is not inside a git repository/);
  });
});

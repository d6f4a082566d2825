import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { REPO, git, toolchainRepo } from '../helpers.ts';

/**
 * docs.yml's own shell steps, run in order against a real "origin" (a bare repository), the way the
 * runner does after actions/checkout with fetch-depth 0: each run is a fresh clone.
 */
const workflow = parse(readFileSync(join(REPO, '.github', 'workflows', 'docs.yml'), 'utf8'));
const steps = workflow.jobs.publish.steps as Array<{ name?: string; run?: string }>;
const script = (name: string) => steps.find((s) => s.name === name)!.run!;

function runWorkflow(origin: string, refName: string): string {
  const work = mkdtempSync(join(tmpdir(), 'apis-docs-run-'));
  execFileSync('git', ['clone', '-q', origin, work]);
  // (toolchainRepo commits its node_modules link; a clone of a real repository gets one here)
  if (!existsSync(join(work, 'node_modules'))) symlinkSync(join(REPO, 'node_modules'), join(work, 'node_modules'));
  const env = {
    ...process.env,
    REF_NAME: refName,
    NO_COLOR: '1',
    GIT_AUTHOR_NAME: 'ci',
    GIT_AUTHOR_EMAIL: 'ci@example.org',
    GIT_COMMITTER_NAME: 'ci',
    GIT_COMMITTER_EMAIL: 'ci@example.org',
  };
  let log = '';
  for (const name of [
    'Check out the published site',
    'Build the docs of this ref (other refs keep their folders, deleted branches lose theirs)',
    'Publish to gh-pages',
  ]) {
    log += execFileSync('bash', ['-e', '-c', script(name)], { cwd: work, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  }
  return log;
}

/** The published site: the gh-pages branch of origin, checked out. */
function published(origin: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'apis-pages-'));
  execFileSync('git', ['clone', '-q', '--branch', 'gh-pages', origin, dir]);
  return dir;
}

describe('.github/workflows/docs.yml publishes every branch to gh-pages', () => {
  it('triggers on every push and on branch deletion, one run at a time', () => {
    expect(workflow.on.push.branches).toEqual(['**']);
    expect(workflow.on).toHaveProperty('delete');
    expect(workflow.concurrency['cancel-in-progress']).toBe(false);
    expect(workflow.jobs.publish.permissions).toEqual({ contents: 'write' });
  });

  it("adds a folder per pushed branch, keeps the others, and removes a deleted branch's folder", () => {
    const source = toolchainRepo();
    const origin = mkdtempSync(join(tmpdir(), 'apis-origin-'));
    execFileSync('git', ['clone', '-q', '--bare', source, origin]);

    runWorkflow(origin, 'master');
    let site = published(origin);
    expect(existsSync(join(site, 'branches', 'master', 'payments.html'))).toBe(true);
    expect(existsSync(join(site, '.nojekyll'))).toBe(true);

    // A designer pushes a feature branch.
    git(source, 'checkout', '-q', '-b', 'feature/tips');
    const spec = join(source, 'specs', 'payments.yaml');
    writeFileSync(spec, readFileSync(spec, 'utf8').replace('summary: Create a payment\n', 'summary: Create a payment with tips\n'));
    git(source, 'commit', '-q', '--no-verify', '-am', 'tips');
    git(source, 'push', '-q', '--no-verify', origin, 'feature/tips');
    runWorkflow(origin, 'feature/tips');
    site = published(origin);
    expect(readFileSync(join(site, 'branches', 'feature', 'tips', 'payments.spec.js'), 'utf8')).toContain('Create a payment with tips');
    expect(existsSync(join(site, 'branches', 'feature', 'tips', 'changes.html'))).toBe(true);
    expect(existsSync(join(site, 'branches', 'master', 'payments.html'))).toBe(true);
    expect(readFileSync(join(site, 'index.html'), 'utf8')).toContain('data-ref="feature/tips"');

    // The branch is merged and deleted: its folder goes, master's stays, the landing page forgets it.
    git(source, 'push', '-q', '--no-verify', origin, '--delete', 'feature/tips');
    runWorkflow(origin, 'feature/tips');
    site = published(origin);
    expect(existsSync(join(site, 'branches', 'feature', 'tips'))).toBe(false);
    expect(existsSync(join(site, 'branches', 'master', 'payments.html'))).toBe(true);
    expect(readFileSync(join(site, 'index.html'), 'utf8')).not.toContain('feature/tips');
    expect(git(site, 'log', '--format=%s').trim().split('\n')).toEqual(['docs: feature/tips', 'docs: feature/tips', 'docs: master']);
  }, 180_000);
});

import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO, git, toolchainRepo } from '../helpers.ts';

/**
 * Attack 2 of the hardening issue: a pushed branch's code must not run where a write token is.
 * docs.yml's own shell steps, run in order against a real "origin" (a bare repository), the way the
 * runner does: the build job in a clone of the pushed ref, the artifact handed over as a folder, the
 * publish job in a clone of the production branch.
 */
const workflow = parse(readFileSync(join(REPO, '.github', 'workflows', 'docs.yml'), 'utf8'));
const step = (job: string, name: string) => (workflow.jobs[job].steps as Array<{ name?: string; run?: string }>).find((s) => s.name === name)!.run!;

const ENV = { NO_COLOR: '1', GIT_AUTHOR_NAME: 'ci', GIT_AUTHOR_EMAIL: 'ci@example.org', GIT_COMMITTER_NAME: 'ci', GIT_COMMITTER_EMAIL: 'ci@example.org' };

function clone(origin: string, ref: string, installScripts: boolean): string {
  const work = mkdtempSync(join(tmpdir(), 'apis-docs-run-'));
  execFileSync('git', ['clone', '-q', origin, work]);
  execFileSync('git', ['checkout', '-q', ref], { cwd: work });
  // (toolchainRepo commits its node_modules link; a clone of a real repository gets one here)
  if (!existsSync(join(work, 'node_modules'))) symlinkSync(join(REPO, 'node_modules'), join(work, 'node_modules'));
  // `npm ci` runs `prepare`, which compiles scripts/dist and rules/dist from these same sources: copying
  // this checkout's build stands in for it. The publish job installs with --ignore-scripts and so runs
  // the sources through tsx, as it does here.
  if (installScripts) for (const dist of [join('scripts', 'dist'), join('rules', 'dist')]) cpSync(join(REPO, dist), join(work, dist), { recursive: true });
  return work;
}

/** The build job: the pushed ref's own code builds its folder into built/, the artifact. */
function build(origin: string, refName: string): string {
  const work = clone(origin, refName, true);
  execFileSync('bash', ['-e', '-c', step('build', 'Build the docs of this ref')], {
    cwd: work,
    env: { ...process.env, ...ENV, REF_NAME: refName },
    stdio: 'pipe',
  });
  return join(work, 'built');
}

/** The publish job: production's code takes the artifact (or removes a deleted ref) and pushes gh-pages. */
function publish(origin: string, refName: string, artifact: string | undefined, refKind = 'branch'): string {
  const work = clone(origin, 'master', false);
  if (artifact) cpSync(artifact, join(work, 'built'), { recursive: true });
  const env = { ...process.env, ...ENV, REF_NAME: refName, REF_KIND: refKind, GITHUB_EVENT_NAME: artifact ? 'push' : 'delete' };
  let log = '';
  for (const name of ['Check out the published site', "Take this ref's pages (or remove a deleted branch's)", 'Publish to gh-pages']) {
    log += execFileSync('bash', ['-e', '-c', step('publish', name)], { cwd: work, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  }
  return log;
}

/** The published site: the gh-pages branch of origin, checked out. */
function published(origin: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'apis-pages-'));
  execFileSync('git', ['clone', '-q', '--branch', 'gh-pages', origin, dir]);
  return dir;
}

function setup(): { source: string; origin: string } {
  const source = toolchainRepo();
  const origin = mkdtempSync(join(tmpdir(), 'apis-origin-'));
  execFileSync('git', ['clone', '-q', '--bare', source, origin]);
  return { source, origin };
}

describe('.github/workflows/docs.yml publishes every branch to gh-pages', () => {
  it('triggers on every push and branch deletion, one run at a time; only the job that runs no branch code can write', () => {
    expect(workflow.on.push.branches).toEqual(['**']);
    expect(workflow.on).toHaveProperty('delete');
    expect(workflow.concurrency['cancel-in-progress']).toBe(false);
    expect(workflow.jobs.build.permissions).toEqual({ contents: 'read' });
    expect(workflow.jobs.build.steps[0].with['persist-credentials']).toBe(false);
    expect(workflow.jobs.publish.permissions).toEqual({ contents: 'write' });
    // The publishing job checks out the production branch and installs without running scripts.
    const publishSteps = workflow.jobs.publish.steps as Array<{ uses?: string; with?: Record<string, unknown>; run?: string }>;
    expect(publishSteps.find((s) => s.uses?.startsWith('actions/checkout'))!.with!.ref).toBe('master');
    const runs = publishSteps.map((s) => s.run ?? '').join('\n');
    expect(runs).toContain('npm ci --no-audit --no-fund --ignore-scripts');
    expect(runs).not.toMatch(/npx apis|npm (run|start|test)/);
  });

  // One story on one origin (each publication costs a build and a publish): master, a feature branch
  // added then deleted, then a compromised branch whose artifact tries to reach beyond its folder.
  it("adds a folder per pushed branch, keeps the others, removes a deleted branch's folder, and takes nothing from a build but its own folder", () => {
    const { source, origin } = setup();
    publish(origin, 'master', build(origin, 'master'));
    let site = published(origin);
    expect(existsSync(join(site, 'branches', 'master', 'payments.html'))).toBe(true);
    expect(existsSync(join(site, '.nojekyll'))).toBe(true);

    // A designer pushes a feature branch.
    git(source, 'checkout', '-q', '-b', 'feature/tips');
    const spec = join(source, 'specs', 'payments.yaml');
    writeFileSync(spec, readFileSync(spec, 'utf8').replace('summary: Create a payment\n', 'summary: Create a payment with tips\n'));
    git(source, 'commit', '-q', '--no-verify', '-am', 'tips');
    git(source, 'push', '-q', '--no-verify', origin, 'feature/tips');
    publish(origin, 'feature/tips', build(origin, 'feature/tips'));
    site = published(origin);
    expect(readFileSync(join(site, 'branches', 'feature', 'tips', 'payments.spec.js'), 'utf8')).toContain('Create a payment with tips');
    expect(existsSync(join(site, 'branches', 'feature', 'tips', 'changes.html'))).toBe(true);
    expect(existsSync(join(site, 'branches', 'master', 'payments.html'))).toBe(true);
    expect(readFileSync(join(site, 'index.html'), 'utf8')).toContain('data-ref="feature/tips"');

    // The branch is merged and deleted: its folder goes, master's stays, the landing page forgets it.
    git(source, 'push', '-q', '--no-verify', origin, '--delete', 'feature/tips');
    publish(origin, 'feature/tips', undefined);
    site = published(origin);
    expect(existsSync(join(site, 'branches', 'feature', 'tips'))).toBe(false);
    expect(existsSync(join(site, 'branches', 'master', 'payments.html'))).toBe(true);
    expect(readFileSync(join(site, 'index.html'), 'utf8')).not.toContain('feature/tips');
    expect(git(site, 'log', '--format=%s').trim().split('\n')).toEqual(['docs: feature/tips', 'docs: feature/tips', 'docs: master']);

    // A compromised branch's own code puts other refs' pages, a landing page and a hostile manifest into its artifact.
    git(source, 'checkout', '-q', '-b', 'feature/evil', 'master');
    git(source, 'push', '-q', '--no-verify', origin, 'feature/evil');
    const artifact = build(origin, 'feature/evil');
    const pristine = mkdtempSync(join(tmpdir(), 'apis-artifact-'));
    cpSync(artifact, pristine, { recursive: true });
    mkdirSync(join(artifact, 'branches', 'master'), { recursive: true });
    writeFileSync(join(artifact, 'branches', 'master', 'payments.html'), '<script>alert("defaced")</script>');
    writeFileSync(join(artifact, 'index.html'), '<script>alert("defaced")</script>');
    const manifest = JSON.parse(readFileSync(join(artifact, '.apis-docs.json'), 'utf8'));
    manifest.refs['branches/feature/evil'].summary.domains[0].title = '<img src=x onerror=alert(1)>';
    manifest.refs['../../outside'] = manifest.refs['branches/feature/evil'];
    writeFileSync(join(artifact, '.apis-docs.json'), JSON.stringify(manifest));
    publish(origin, 'feature/evil', artifact);
    site = published(origin);
    expect(readFileSync(join(site, 'branches', 'master', 'payments.html'), 'utf8')).not.toContain('defaced');
    const landing = readFileSync(join(site, 'index.html'), 'utf8');
    expect(landing).not.toContain('defaced');
    expect(landing).not.toContain('<img src=x');
    expect(landing).toContain('data-ref="feature/evil"');
    expect(existsSync(join(site, 'branches', 'feature', 'evil', 'payments.html'))).toBe(true);

    // A symlink in the ref's own folder is refused, and nothing is published.
    symlinkSync('/etc/passwd', join(pristine, 'branches', 'feature', 'evil', 'leak.json'));
    const before = git(origin, 'rev-parse', 'gh-pages');
    expect(() => publish(origin, 'feature/evil', pristine)).toThrow(/only pages, scripts and JSON are published/);
    expect(git(origin, 'rev-parse', 'gh-pages')).toBe(before);
  }, 240_000);
});

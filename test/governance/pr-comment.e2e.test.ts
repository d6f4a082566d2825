import { describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHECK_ORDER, MARKER, buildPrComment, mergeChecks } from '../../scripts/governance/pr-comment.ts';
import { git, gitRepo, runApis } from '../helpers.ts';

describe('the pull-request comment', () => {
  it('lists every check in a fixed order, whatever order the results came in', () => {
    const text = buildPrComment({
      checks: [
        { name: 'tests', ok: true, summary: 'bash .ci/run: success' },
        { name: 'branch policy', ok: true, summary: 'feature/x → master' },
      ],
      changes: [],
      silenced: [],
    });
    expect(text.startsWith(MARKER)).toBe(true);
    const rows = [...text.matchAll(/^\| ([a-z ]+) \| (✔ pass|✖ fail|– skipped) \|/gm)].map((m) => m[1]);
    expect(rows).toEqual([...CHECK_ORDER]);
    expect(text).toContain('| lint | – skipped | did not run |');
    expect(text).toContain('✔ All checks passed.');
  });

  it('merges the per-domain results of one check: one failure fails the row', () => {
    const merged = mergeChecks([
      { name: 'lint', ok: true, summary: 'payments: clean', reproduce: 'npx apis lint' },
      { name: 'lint', ok: false, summary: 'orders: 1 error', reproduce: 'npx apis lint --base origin/master' },
    ]);
    expect(merged).toEqual([{ name: 'lint', ok: false, summary: 'payments: clean; orders: 1 error', reproduce: 'npx apis lint --base origin/master' }]);
  });

  async function prResults(specChange: (spec: string) => string, branchName: string) {
    const dir = gitRepo();
    git(dir, 'checkout', '-qb', branchName);
    const path = join(dir, 'specs', 'feedback.yaml');
    writeFileSync(path, specChange(readFileSync(path, 'utf8')));
    await runApis(['generate'], { cwd: dir });
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'change');
    mkdirSync(join(dir, 'results'));
    await runApis(['branch-check', '--base', 'master', '--head', branchName, '--report', 'results/policy.json'], { cwd: dir });
    await runApis(['check', '--base', 'master', '--domain', 'feedback', '--report', 'results/check-feedback.json'], { cwd: dir });
    writeFileSync(
      join(dir, 'results', 'tests.json'),
      JSON.stringify({ checks: [{ name: 'tests', ok: true, summary: 'bash .ci/run: success', reproduce: 'npm test' }] }),
    );
    return { dir, comment: await runApis(['pr-comment', 'results', '--docs-url', 'https://example.org/preview/7'], { cwd: dir }) };
  }

  it('for a passing pull request, from the results of the real commands', async () => {
    const { comment } = await prResults(
      (s) => s.replace('summary: Get the feedback screen for a trip', 'summary: Get the feedback screen of a trip'),
      'feature/wording',
    );
    expect(comment.code, comment.stderr).toBe(0);
    expect(comment.stdout).toContain('✔ All checks passed.');
    expect(comment.stdout).toMatch(/\| breaking changes \| ✔ pass \|/);
    expect(comment.stdout).toMatch(/#### feedback: changes against master[\s\S]*`summary-changed`/);
    expect(comment.stdout).toMatch(
      /### Silenced findings \(2\)[\s\S]*`collection-pagination` \| `specs\/feedback\.yaml:\d+` \| The screen is one small bounded document/,
    );
    expect(comment.stdout).toContain('→ [Docs preview](https://example.org/preview/7)');
    expect(comment.stdout).not.toContain('### Reproduce locally');
  });

  it('for a failing pull request: the failed checks with the commands that reproduce them', async () => {
    const { comment } = await prResults(
      (s) => s.replace('          maxLength: 1000\n        tip:\n          $ref', '          maxLength: 200\n        tip:\n          $ref'),
      'hotfix/comment-length',
    );
    expect(comment.stdout).toContain('✖ 2 of 6 checks failed.');
    expect(comment.stdout).toMatch(
      /\| branch policy \| ✖ fail \| hotfix\/comment-length → master: pull requests into master must come from a feature\/\* branch/,
    );
    expect(comment.stdout).toMatch(/\| breaking changes \| ✖ fail \|/);
    expect(comment.stdout).toMatch(
      /### Reproduce locally\n\n- \*\*branch policy\*\*: `npx apis branch-check --base master --head hotfix\/comment-length`\n- \*\*breaking changes\*\*: `npx apis diff master:specs\/feedback\.yaml specs\/feedback\.yaml`/,
    );
    expect(comment.stdout).toMatch(/#### ✖ `POST \/v1\/save-feedback`/);
  });
});

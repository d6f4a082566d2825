import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { git, gitWithHooks, toolchainRepo } from '../helpers.ts';

describe('git hooks (husky)', () => {
  it('are installed by husky into .github/hooks', () => {
    const dir = toolchainRepo();
    expect(git(dir, 'config', 'core.hooksPath').trim()).toBe('.github/hooks/_');
  });

  it('pre-commit refuses a staged spec with lint errors and prints the command that reproduces it', () => {
    const dir = toolchainRepo();
    git(dir, 'checkout', '-qb', 'feature/tip');
    const path = join(dir, 'specs', 'feedback.yaml');
    writeFileSync(
      path,
      readFileSync(path, 'utf8').replace(
        "        tip:\n          $ref: '#/components/schemas/Money'\n      additionalProperties: false\n    SaveFeedbackV2Request:",
        '        tip:\n          type: integer\n          description: The tip.\n      additionalProperties: false\n    SaveFeedbackV2Request:',
      ),
    );
    git(dir, 'add', 'specs/feedback.yaml');
    const result = gitWithHooks(dir, 'commit', '-m', 'tip as integer');
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/money-as-string/);
    expect(result.stderr).toContain('Reproduce: npx apis lint specs/feedback.yaml');
    expect(result.stderr).toContain('git commit --no-verify');
  });

  it('pre-commit lints what is staged, and regenerates and stages the generated package', () => {
    const dir = toolchainRepo();
    git(dir, 'checkout', '-qb', 'feature/wording');
    const path = join(dir, 'specs', 'orders.yaml');
    writeFileSync(path, readFileSync(path, 'utf8').replace('summary: Get an order', 'summary: Read an order'));
    git(dir, 'add', 'specs/orders.yaml');
    const result = gitWithHooks(dir, 'commit', '-m', 'wording');
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toContain('pre-commit: 1 staged spec: lint clean; generated code updated and staged');
    const committed = git(dir, 'show', '--name-only', '--format=', 'HEAD').trim().split('\n');
    expect(committed).toEqual(
      expect.arrayContaining(['specs/orders.yaml', 'generated/orders/openapi.json', 'generated/orders/openapi.yaml', 'generated/orders/schema.d.ts']),
    );
    expect(committed.every((f) => f === 'specs/orders.yaml' || f.startsWith('generated/orders/'))).toBe(true);
    expect(git(dir, 'status', '--porcelain').trim()).toBe('');
  });

  it('pre-push refuses a push to a protected branch, and lets a feature branch through after the gate', () => {
    const dir = toolchainRepo();
    const remote = mkdtempSync(join(tmpdir(), 'apis-remote-'));
    execFileSync('git', ['init', '-q', '--bare', remote]);
    git(dir, 'remote', 'add', 'origin', remote);
    const refused = gitWithHooks(dir, 'push', 'origin', 'master');
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(
      /pre-push: pushing to master directly is refused: push a feature\/\* branch and open a pull request \(git push --no-verify skips this check\)/,
    );
    expect(gitWithHooks(dir, 'push', '--no-verify', 'origin', 'master').status).toBe(0);
    git(dir, 'checkout', '-qb', 'feature/ok');
    const pushed = gitWithHooks(dir, 'push', 'origin', 'feature/ok');
    expect(pushed.status, pushed.stderr).toBe(0);
  });

  it('pre-push judges the commits being pushed, not the working tree, and allows deleting a branch', () => {
    const dir = toolchainRepo();
    const remote = mkdtempSync(join(tmpdir(), 'apis-remote-'));
    execFileSync('git', ['init', '-q', '--bare', remote]);
    git(dir, 'remote', 'add', 'origin', remote);
    expect(gitWithHooks(dir, 'push', '--no-verify', 'origin', 'master').status).toBe(0);
    // A breaking change on another branch, committed with the hook off; master stays checked out and clean.
    git(dir, 'checkout', '-qb', 'feature/brk');
    const path = join(dir, 'specs', 'feedback.yaml');
    writeFileSync(
      path,
      readFileSync(path, 'utf8').replace('          maxLength: 1000\n        tip:\n          $ref', '          maxLength: 200\n        tip:\n          $ref'),
    );
    git(dir, 'commit', '-qam', 'shorter comments', '--no-verify');
    git(dir, 'checkout', '-q', 'master');
    const refused = gitWithHooks(dir, 'push', 'origin', 'feature/brk:refs/heads/feature/brk2');
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/pre-push: feature\/brk2 \([0-9a-f]{12}\) against origin\/master: 1 domain with unaccepted breaking changes/);
    expect(refused.stderr).toMatch(/request-constraint-tightened/);
    // Deleting a branch pushes no commit: nothing to judge.
    expect(gitWithHooks(dir, 'push', '--no-verify', 'origin', 'feature/brk:refs/heads/gone').status).toBe(0);
    expect(gitWithHooks(dir, 'push', 'origin', ':refs/heads/gone').status).toBe(0);
  });

  it('pre-push never skips the gate silently: without the production branch it says how to get it', () => {
    const dir = toolchainRepo();
    git(dir, 'branch', '-m', 'master', 'main');
    const remote = mkdtempSync(join(tmpdir(), 'apis-remote-'));
    execFileSync('git', ['init', '-q', '--bare', remote]);
    git(dir, 'remote', 'add', 'origin', remote);
    git(dir, 'checkout', '-qb', 'feature/x');
    const result = gitWithHooks(dir, 'push', 'origin', 'feature/x');
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(
      /pre-push: the breaking-change gate needs the production branch: unknown git ref "master": no branch, tag or commit has that name, nor origin\/master; fetch it \(git fetch origin master:master\), or set "apis": \{"branches": \{"production": "<branch>"\}\} in package.json/,
    );
  });
});

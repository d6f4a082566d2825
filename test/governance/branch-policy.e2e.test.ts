import { describe, expect, it } from 'vitest';
import { decidePullRequest, decidePush } from '../../scripts/governance/branch-policy.ts';
import type { RepoConfig } from '../../scripts/lib/config.ts';
import { runApis, tempRepo } from '../helpers.ts';

const config: RepoConfig = {
  branches: { production: 'master', protected: ['master', 'prototype'], featurePrefix: 'feature/', allowedPullRequests: [] },
  packageScope: '@acme',
};

describe('branch policy', () => {
  const table: Array<[string, string, boolean, RegExp]> = [
    ['master', 'feature/refund-reasons', true, /feature branch/],
    ['prototype', 'feature/tips-v2', true, /feature branch/],
    ['master', 'prototype', false, /prototype into master is refused.*allowedPullRequests/],
    ['prototype', 'master', false, /refused/],
    ['master', 'hotfix/urgent', false, /must come from a feature\/\* branch.*git branch -m feature\/urgent/],
    ['master', 'feature/', false, /must come from a feature\/\* branch/],
    ['feature/base', 'feature/stacked', true, /not protected/],
  ];
  for (const [base, head, allowed, reason] of table) {
    it(`${head} → ${base}: ${allowed ? 'allowed' : 'refused'}`, () => {
      const decision = decidePullRequest(base, head, config);
      expect(decision.allowed).toBe(allowed);
      expect(decision.reason).toMatch(reason);
    });
  }

  it('a release flow from prototype can be allowed by configuration', () => {
    expect(decidePullRequest('master', 'prototype', { ...config, branches: { ...config.branches, allowedPullRequests: ['prototype->master'] } }).allowed).toBe(
      true,
    );
  });

  it('refuses direct pushes to protected branches only', () => {
    expect(decidePush('master', config).allowed).toBe(false);
    expect(decidePush('prototype', config).reason).toMatch(/--no-verify/);
    expect(decidePush('feature/x', config).allowed).toBe(true);
  });

  it('apis branch-check exits 0 or 1 and reads the configuration from package.json', async () => {
    const dir = tempRepo({ 'package.json': JSON.stringify({ apis: { branches: { protected: ['main'], featurePrefix: 'topic/', allowedPullRequests: [] } } }) });
    const refused = await runApis(['branch-check', '--base', 'main', '--head', 'feature/x'], { cwd: dir });
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/✖ refused: pull requests into main must come from a topic\/\* branch/);
    const allowed = await runApis(['branch-check', '--base', 'main', '--head', 'topic/x'], { cwd: dir });
    expect(allowed.code).toBe(0);
  });
});

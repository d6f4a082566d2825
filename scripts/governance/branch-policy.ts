import type { RepoConfig } from '../lib/config.ts';

export interface Decision {
  allowed: boolean;
  reason: string;
}

/**
 * Decides on branch names alone, so CI can call it with a pull request's base and head:
 * pull requests into a protected branch (master: production; prototype: sketches) come from
 * feature branches; anything else between protected branches needs explicit configuration.
 */
export function decidePullRequest(base: string, head: string, { branches }: RepoConfig): Decision {
  const { protected: protectedBranches, featurePrefix, allowedPullRequests } = branches;
  if (!protectedBranches.includes(base)) return { allowed: true, reason: `${base} is not protected` };
  if (allowedPullRequests.includes(`${head}->${base}`))
    return { allowed: true, reason: `${head} → ${base} is allowed by package.json apis.branches.allowedPullRequests` };
  if (head.startsWith(featurePrefix) && head.length > featurePrefix.length) return { allowed: true, reason: `${head} is a feature branch` };
  if (protectedBranches.includes(head)) {
    return {
      allowed: false,
      reason: `a pull request from ${head} into ${base} is refused: changes reach ${base} from ${featurePrefix}* branches (allow "${head}->${base}" in package.json apis.branches.allowedPullRequests for a release flow)`,
    };
  }
  return {
    allowed: false,
    reason: `pull requests into ${base} must come from a ${featurePrefix}* branch, not ${head}: rename it with git branch -m ${featurePrefix}${head.replace(/^.*\//, '')}`,
  };
}

/** Nobody writes to a protected branch directly. */
export function decidePush(branch: string, { branches }: RepoConfig): Decision {
  if (branches.protected.includes(branch)) {
    return {
      allowed: false,
      reason: `pushing to ${branch} directly is refused: push a ${branches.featurePrefix}* branch and open a pull request (git push --no-verify skips this check)`,
    };
  }
  return { allowed: true, reason: `${branch} is not protected` };
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from './errors.ts';

/** The repository's settings, under "apis" in package.json (the layout keeps no other config file). */
export interface RepoConfig {
  branches: {
    /** What is in production: the base of the breaking-change gate, first on the docs site. Always protected. */
    production: string;
    /** Branches nobody pushes to directly; pull requests into them come from feature branches. */
    protected: string[];
    featurePrefix: string;
    /** Extra pull requests allowed between protected branches, as "<head>-><base>", e.g. "prototype->master". */
    allowedPullRequests: string[];
  };
  /** npm scope of the generated client packages. */
  packageScope: string;
}

const DEFAULTS: RepoConfig = {
  branches: { production: 'master', protected: ['master', 'prototype'], featurePrefix: 'feature/', allowedPullRequests: [] },
  packageScope: '@acme',
};

export function loadConfig(root: string): RepoConfig {
  let pkg: { apis?: Partial<RepoConfig> };
  try {
    pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  } catch {
    return DEFAULTS;
  }
  const apis = pkg.apis ?? {};
  const branches = { ...DEFAULTS.branches, ...(apis.branches ?? {}) };
  if (
    typeof branches.production !== 'string' ||
    branches.production === '' ||
    !Array.isArray(branches.protected) ||
    typeof branches.featurePrefix !== 'string' ||
    !Array.isArray(branches.allowedPullRequests)
  ) {
    throw new UserError(
      'package.json: "apis.branches" must have production (a branch name), protected (list), featurePrefix (string) and allowedPullRequests (list)',
    );
  }
  // The production branch is protected whatever the list says.
  branches.protected = [...new Set([branches.production, ...branches.protected])];
  return { branches, packageScope: typeof apis.packageScope === 'string' ? apis.packageScope : DEFAULTS.packageScope };
}

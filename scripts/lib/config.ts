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
  const packageScope = apis.packageScope ?? DEFAULTS.packageScope;
  // The scope reaches package names and import specifiers of generated code: an npm scope, nothing else.
  if (typeof packageScope !== 'string' || !NPM_SCOPE.test(packageScope)) {
    throw new UserError(`package.json: "apis.packageScope" must be an npm scope such as @acme (got ${JSON.stringify(packageScope).slice(0, 60)})`);
  }
  return { branches, packageScope };
}

/** An npm scope: @ and a lower-case URL-safe name (npm's own rule for the part before the slash). */
const NPM_SCOPE = /^@[a-z0-9][a-z0-9._~-]{0,100}$/;

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { git, gitRepo } from '../helpers.ts';

export const FEATURE_SUMMARY = 'Create a payment, with tips';

/**
 * A spec repository as designers have it: master, prototype and a feature branch that differ, a
 * release tag, and a branch whose name needs escaping. The working tree is on master.
 */
export function docsRepo(): string {
  const dir = gitRepo();
  git(dir, 'tag', 'payments@1.0.0');
  const spec = join(dir, 'specs', 'payments.yaml');
  const original = readFileSync(spec, 'utf8');
  git(dir, 'checkout', '-q', '-b', 'prototype');
  writeFileSync(spec, original.replace('summary: List payments', 'summary: List payments (sketch)'));
  git(dir, 'commit', '-qam', 'prototype: sketch');
  git(dir, 'checkout', '-q', '-b', 'feature/tips', 'master');
  writeFileSync(spec, original.replace('summary: Create a payment\n', `summary: ${FEATURE_SUMMARY}\n`));
  git(dir, 'commit', '-qam', 'feature: tips');
  git(dir, 'checkout', '-q', 'master');
  return dir;
}

/** Adds a branch from master with one commit that changes specs/payments.yaml by `edit`. */
export function branchWith(dir: string, name: string, edit: (spec: string) => string): void {
  const spec = join(dir, 'specs', 'payments.yaml');
  git(dir, 'checkout', '-q', '-b', name, 'master');
  writeFileSync(spec, edit(readFileSync(spec, 'utf8')));
  git(dir, 'commit', '-qam', `${name}: change`);
  git(dir, 'checkout', '-q', 'master');
}

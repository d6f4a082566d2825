/**
 * Absolute links to the repository's own pages (rule and change-kind docs), for reports read outside
 * the checkout: pull-request comments and SARIF. The address comes from `repository` in package.json,
 * else from the `origin` remote; without either, reports show the page's path in the repository.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { remoteUrl } from './git.ts';

/** `https://github.com/acme/apis` from the forms package.json and git remotes take; undefined otherwise. */
export function browsableRepository(url: string): string | undefined {
  const trimmed = url
    .trim()
    .replace(/^git\+/, '')
    .replace(/\.git$/, '');
  const ssh = /^(?:ssh:\/\/)?git@([\w.-]+)[:/]([\w.-]+\/[\w.-]+)$/.exec(trimmed);
  if (ssh) return `https://${ssh[1]}/${ssh[2]}`;
  const shorthand = /^(?:github:)?([\w.-]+\/[\w.-]+)$/.exec(trimmed);
  if (shorthand) return `https://github.com/${shorthand[1]}`;
  try {
    const parsed = new URL(trimmed);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
    parsed.username = '';
    parsed.password = '';
    return parsed.toString().replace(/\/$/, '');
  } catch {
    return undefined;
  }
}

/** The browsable address of the repository at `root`, or undefined when none is known. */
export async function repositoryUrl(root: string): Promise<string | undefined> {
  try {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    const declared = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
    if (typeof declared === 'string') return browsableRepository(declared);
  } catch {
    // no package.json: fall back to the remote
  }
  const remote = await remoteUrl('origin', root);
  return remote ? browsableRepository(remote) : undefined;
}

/** A link to a file of the repository as the default branch has it, or its path when the address is unknown. */
export function pageLink(repository: string | undefined, path: string): string {
  return repository ? `${repository}/blob/HEAD/${path}` : path;
}

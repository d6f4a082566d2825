import { git, gitTopLevel } from '../lib/git.ts';
import { findRepoRoot } from '../lib/repo.ts';
import { parseSource } from '../lib/yaml-source.ts';
import { domainsAt } from '../diff/domains.ts';

/** `info.version` of a domain at a ref, or undefined when the domain does not exist there. */
async function versionAt(ref: string, domain: string, top: string): Promise<string | undefined> {
  const text = await git(['show', `${ref}:specs/${domain}.yaml`], top).catch(() => undefined);
  if (text === undefined) return undefined;
  const doc = parseSource(text, `${ref}:specs/${domain}.yaml`).value as { info?: { version?: unknown } };
  return typeof doc.info?.version === 'string' ? doc.info.version : undefined;
}

/**
 * `apis release-tags --since <ref>`: the `<domain>@<version>` tags a release must create, for every
 * domain whose info.version at HEAD differs from `ref` and is not tagged yet. One per line.
 */
export async function releaseTagsCommand(options: { since: string }): Promise<number> {
  const top = await gitTopLevel(findRepoRoot());
  const tags = new Set((await git(['tag', '--list'], top)).split('\n').filter(Boolean));
  for (const domain of await domainsAt('HEAD', top)) {
    const now = await versionAt('HEAD', domain, top);
    if (!now || now === (await versionAt(options.since, domain, top))) continue;
    if (!tags.has(`${domain}@${now}`)) process.stdout.write(`${domain}@${now}\n`);
  }
  return 0;
}

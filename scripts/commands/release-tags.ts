import { gitReader, gitTopLevel, tagNames } from '../lib/git.ts';
import { findRepoRoot, specPathOf } from '../lib/repo.ts';
import { parseSource } from '../lib/yaml-source.ts';
import { domainsAt } from '../diff/domains.ts';

/** `info.version` of a domain at a ref, or undefined when the domain does not exist there. */
async function versionAt(ref: string, domain: string, top: string): Promise<string | undefined> {
  const reader = await gitReader(ref, top);
  const bytes = await reader.read(specPathOf(top, domain)).catch(() => undefined);
  if (bytes === undefined) return undefined;
  const doc = parseSource(Buffer.from(bytes).toString('utf8'), reader.label(specPathOf(top, domain))).value as { info?: { version?: unknown } };
  return typeof doc.info?.version === 'string' ? doc.info.version : undefined;
}

/**
 * `apis release-tags --since <ref>`: the `<domain>@<version>` tags a release must create, for every
 * domain whose info.version at HEAD differs from `ref` and is not tagged yet. One per line.
 */
export async function releaseTagsCommand(options: { since: string }): Promise<number> {
  const top = await gitTopLevel(findRepoRoot());
  const tags = await tagNames(top);
  for (const domain of await domainsAt('HEAD', top)) {
    const now = await versionAt('HEAD', domain, top);
    if (!now || now === (await versionAt(options.since, domain, top))) continue;
    if (!tags.has(`${domain}@${now}`)) process.stdout.write(`${domain}@${now}\n`);
  }
  return 0;
}

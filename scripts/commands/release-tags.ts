import { SEMVER } from '../../rules/functions/version-semver.ts';
import { UserError } from '../lib/errors.ts';
import { gitReader, gitTopLevel, resolveRef, tagNames } from '../lib/git.ts';
import { DOMAIN_NAME, findRepoRoot, specPathOf, specRelPath } from '../lib/repo.ts';
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
 * domain whose info.version at HEAD differs from `ref` and is not tagged yet. One per line. A ref of
 * zeros (git's "nothing before": the first push of a branch) means every domain is new; any other
 * ref that names no commit is exit 2. Every tag is checked to be `<domain>@<semver>` before it is
 * printed: what it names is run by the release workflow.
 */
export async function releaseTagsCommand(options: { since: string }): Promise<number> {
  const top = await gitTopLevel(findRepoRoot());
  const since = /^0+$/.test(options.since) ? undefined : await resolveRef(options.since, top);
  const tags = await tagNames(top);
  const out: string[] = [];
  for (const domain of await domainsAt('HEAD', top)) {
    const now = await versionAt('HEAD', domain, top);
    if (!now || (since !== undefined && now === (await versionAt(since, domain, top)))) continue;
    const tag = `${domain}@${now}`;
    if (!DOMAIN_NAME.test(domain) || !SEMVER.test(now))
      throw new UserError(
        `${specRelPath(domain)}: info.version ${JSON.stringify(now).slice(0, 60)} is not a semantic version, so no release tag is made from it`,
      );
    if (!tags.has(tag)) out.push(tag);
  }
  process.stdout.write(out.map((t) => `${t}\n`).join(''));
  return 0;
}

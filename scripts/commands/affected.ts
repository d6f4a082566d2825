import { changedFiles, gitTopLevel } from '../lib/git.ts';
import { findRepoRoot, listDomains } from '../lib/repo.ts';
import { domainsAt } from '../diff/domains.ts';

/** Paths whose change can alter every domain's checks: the rules, the toolchain, its dependencies. */
const SHARED = [/^rules\//, /^scripts\//, /^package(-lock)?\.json$/, /^tsconfig\.json$/, /^\.ci\//, /^\.github\/workflows\//, /^\.spectral\.mjs$/];

/**
 * `apis affected --base <ref>`: the domains a change touches, so CI runs per-domain checks only for
 * them. Every domain when the rules or the toolchain change.
 */
export async function affectedDomains(base: string, root = findRepoRoot()): Promise<string[]> {
  const top = await gitTopLevel(root);
  const { committed, uncommitted } = await changedFiles(base, top);
  const files = [...new Set([...committed, ...uncommitted])];
  const all = [...new Set([...listDomains(root), ...(await domainsAt(base, root))])].sort();
  if (files.some((f) => SHARED.some((re) => re.test(f)))) return all;
  const touched = new Set<string>();
  for (const f of files) {
    const m = /^specs\/([^/]+)\.yaml$/.exec(f) ?? /^generated\/([^/]+)\//.exec(f);
    if (m && all.includes(m[1])) touched.add(m[1]);
  }
  return [...touched].sort();
}

export async function affectedCommand(options: { base: string; format: 'lines' | 'json' }): Promise<number> {
  const domains = await affectedDomains(options.base);
  process.stdout.write(options.format === 'json' ? JSON.stringify(domains) + '\n' : domains.map((d) => `${d}\n`).join(''));
  return 0;
}

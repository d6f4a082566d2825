import { diffDocuments } from '../diff/compare-document.ts';
import { formatDiff } from '../diff/format/index.ts';
import { loadSide } from '../diff/load.ts';
import { evaluateGate } from '../diff/policy.ts';
import { UserError } from '../lib/errors.ts';
import { gitTopLevel } from '../lib/git.ts';
import { DOMAIN_NAME, findRepoRoot, specPathOf, posixRelative } from '../lib/repo.ts';

/** `apis changelog <domain> [--from <ref>] [--to <ref>]`: the markdown the PR comment uses, between any two versions. */
export async function changelogCommand(domain: string, options: { from: string; to?: string }): Promise<number> {
  if (!DOMAIN_NAME.test(domain)) throw new UserError(`"${domain}" is not a domain name (lower-case words joined by hyphens)`);
  const root = findRepoRoot();
  const rel = posixRelative(await gitTopLevel(root), specPathOf(root, domain));
  const base = await loadSide(`${options.from}:${rel}`);
  const head = options.to ? await loadSide(`${options.to}:${rel}`) : await loadSide(specPathOf(root, domain)).catch(() => ({ label: rel, document: null }));
  if (!base.document && !head.document) throw new UserError(`${rel} exists neither at ${options.from} nor at ${options.to ?? 'the working tree'}`);
  const title = `${domain}: changes from ${options.from} to ${options.to ?? 'the working tree'}`;
  const gate = evaluateGate(base.document, head.document, diffDocuments(base.document, head.document));
  process.stdout.write(formatDiff('markdown', { title, changes: gate.changes }));
  return 0;
}

import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { toolchainRoot } from '../lib/toolchain.ts';
import { createFileAtomic, writeFileAtomic } from '../lib/atomic-write.ts';
import { loadConfig } from '../lib/config.ts';
import { UserError } from '../lib/errors.ts';
import { domainNameProblem, findRepoRoot, specPathOf, specRelPath, generatedRelPath } from '../lib/repo.ts';
import { parseCodeowners } from '../governance/codeowners.ts';
import { pascalCase } from '../generate/names.ts';
import { generateDomain, writeDomainFiles } from '../generate/pipeline.ts';
import { loadSpec } from '../lib/spec-model.ts';

const TEMPLATE = join(toolchainRoot(), 'scripts', 'templates', 'domain.yaml');

/** Adds the domain's two lines after the last domain line, so the file keeps its grouping. */
export function withOwnerLines(codeowners: string, domain: string, owner: string): string {
  const lines = codeowners.split('\n');
  const entries = [`/${specRelPath(domain)}`.padEnd(28) + owner, `/${generatedRelPath(domain)}/`.padEnd(28) + owner];
  let at = -1;
  lines.forEach((l, i) => {
    if (/^\/(specs|generated)\//.test(l)) at = i;
  });
  if (at === -1) return [...lines.filter((l, i) => i < lines.length - 1 || l !== ''), ...entries, ''].join('\n');
  lines.splice(at + 1, 0, ...entries);
  return lines.join('\n');
}

/**
 * `apis new <domain> [--owner @org/team]`: a spec that passes every house rule, its CODEOWNERS
 * lines and its generated files; refuses a domain that exists or a name that is not kebab-case.
 */
export async function newCommand(domain: string, options: { owner?: string }): Promise<number> {
  const problem = domainNameProblem(domain);
  if (problem) throw new UserError(`"${domain}" is not a valid domain name: ${problem}`);
  const root = findRepoRoot();
  const spec = specPathOf(root, domain);
  if (existsSync(spec)) throw new UserError(`${specRelPath(domain)} already exists: the domain "${domain}" is taken`);
  const owner = options.owner ?? `${loadConfig(root).packageScope}/${domain}-team`;
  if (parseCodeowners(`/x ${owner}`).problems.length > 0) throw new UserError(`owner "${owner}" is not in @org/team or @user form`);

  const title = domain
    .split('-')
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join(' ');
  const text = (await readFile(TEMPLATE, 'utf8'))
    .replaceAll('__TITLE__', title)
    .replaceAll('__SCHEMA__', pascalCase(domain))
    .replaceAll('__RESOURCE__', domain)
    .replaceAll('__DOMAIN__', domain);
  const codeownersPath = join(root, 'CODEOWNERS');
  const codeowners = existsSync(codeownersPath) ? await readFile(codeownersPath, 'utf8') : '';
  await createFileAtomic(spec, text);
  await writeFileAtomic(codeownersPath, withOwnerLines(codeowners, domain, owner));
  // The whole package, as `apis generate` writes it: `apis check` passes with no further step.
  const files = await generateDomain(domain, await loadSpec(spec, { boundary: root }), loadConfig(root).packageScope);
  await writeDomainFiles(root, { domain, files });
  process.stdout.write(
    [
      ``,
      `Created ${specRelPath(domain)} (owned by ${owner} in CODEOWNERS) and its generated files.`,
      `Next steps:`,
      `  1. Replace the example resource with yours in ${specRelPath(domain)}`,
      `  2. npx apis lint ${specRelPath(domain)}      (house rules, as you go)`,
      `  3. git add ${specRelPath(domain)} ${generatedRelPath(domain)} CODEOWNERS && git commit   (the pre-commit hook lints and regenerates)`,
      `  4. git push -u origin HEAD and open a pull request into prototype or master`,
      ``,
    ].join('\n'),
  );
  return 0;
}

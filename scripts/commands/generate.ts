import { generateDomain, staleFiles, writeDomainFiles, type DomainFiles } from '../generate/pipeline.ts';
import { generateRuntimePackage } from '../generate/runtime-package.ts';
import { loadConfig } from '../lib/config.ts';
import { gitIndexReader } from '../lib/git.ts';
import { plural } from '../lib/output.ts';
import { displayPath, generatedDir, RUNTIME_PACKAGE } from '../lib/repo.ts';
import { loadDomains } from '../lib/workspace.ts';

/**
 * `apis generate [domain…] [--check]`: per domain, generated/<domain>/ holds the bundled spec, the
 * types, a client and a server with the house resilience, compiled, as an installable package.
 * Everything is computed before anything is written: a failure leaves the previous files untouched.
 */
export async function generateCommand(domains: string[], options: { check?: boolean; fromIndex?: boolean }): Promise<number> {
  // --from-index generates from the staged specs: what the pre-commit hook is about to commit.
  const { root, specs } = await loadDomains(domains, options.fromIndex ? await gitIndexReader(process.cwd()) : undefined);
  const scope = loadConfig(root).packageScope;
  const outputs: DomainFiles[] = [];
  for (const { domain, model } of specs) outputs.push({ domain, files: await generateDomain(domain, model, scope) });
  // The shared runtime package, which every domain package depends on.
  outputs.push({ domain: RUNTIME_PACKAGE, files: await generateRuntimePackage(scope) });
  if (options.check) {
    const stale = await staleFiles(root, outputs);
    if (stale.length === 0) {
      process.stdout.write(`generated code is up to date for ${plural(outputs.length - 1, 'domain')} and the shared runtime\n`);
      return 0;
    }
    process.stdout.write(stale.map((s) => `  ${s}\n`).join('') + `${plural(stale.length, 'generated file')} out of date: run npx apis generate\n`);
    return 1;
  }
  for (const output of outputs) {
    const { domain } = output;
    const written = await writeDomainFiles(root, output);
    process.stdout.write(`${domain}: ${displayPath(generatedDir(root, domain))}/ (${written === 0 ? 'unchanged' : `${plural(written, 'file')} written`})\n`);
  }
  return 0;
}

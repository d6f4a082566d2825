import { join } from 'node:path';
import { removeStaleTempFiles, writeIfChanged } from '../lib/atomic-write.ts';
import { bundleModel } from '../lib/bundle.ts';
import { displayPath, generatedDir } from '../lib/repo.ts';
import { loadDomains } from '../lib/workspace.ts';

export function bundleTargets(root: string, domain: string): { json: string; yaml: string } {
  return { json: join(generatedDir(root, domain), 'openapi.json'), yaml: join(generatedDir(root, domain), 'openapi.yaml') };
}

/** `apis bundle [domain…]`: every domain is bundled in memory before anything is written. */
export async function bundleCommand(domains: string[]): Promise<number> {
  const { root, specs } = await loadDomains(domains);
  const outputs = [];
  for (const { domain, model } of specs) outputs.push({ domain, bundled: await bundleModel(model) });
  for (const { domain, bundled } of outputs) {
    await removeStaleTempFiles(generatedDir(root, domain));
    const target = bundleTargets(root, domain);
    const wrote = [await writeIfChanged(target.json, bundled.json, root), await writeIfChanged(target.yaml, bundled.yaml, root)];
    const state = wrote.some(Boolean) ? 'written' : 'unchanged';
    process.stdout.write(`${domain}: ${displayPath(target.json)}, ${displayPath(target.yaml)} (${state})\n`);
  }
  return 0;
}

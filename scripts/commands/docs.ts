import { resolve } from 'node:path';
import { parsePort } from '../lib/listen.ts';
import { colorizer, plural } from '../lib/output.ts';
import { progress } from '../lib/progress.ts';
import { displayPath, findRepoRoot } from '../lib/repo.ts';
import { stopSignals } from '../lib/signals.ts';
import { serveSite } from '../docs/serve.ts';
import { buildSite } from '../docs/site.ts';

export interface DocsOptions {
  out?: string;
  refs?: string[];
  serve?: boolean;
  workingCopy?: boolean;
  port: string;
  host: string;
}

/** `apis docs`: builds the site from every ref (or those matching --refs); `--serve` then serves it. */
export async function docsCommand(options: DocsOptions): Promise<number> {
  const port = parsePort(options.port);
  const signals = options.serve ? stopSignals() : undefined;
  const out = resolve(options.out ?? `${findRepoRoot()}/docs-site/dist`);
  const bar = progress('Building docs');
  const result = await buildSite({
    out,
    patterns: options.refs ?? [],
    workingCopy: options.workingCopy,
    onProgress: (done, total, ref) => bar.update(done, total, ref),
  });
  bar.end();
  const parts = [`${plural(result.built.length, 'ref')} built`, `${result.unchanged.length} unchanged`];
  if (result.removed.length > 0) parts.push(`${result.removed.length} removed (${result.removed.join(', ')})`);
  process.stdout.write(`Docs for ${plural(result.refs.length, 'ref')} in ${displayPath(out)}: ${parts.join(', ')}.\n`);
  if (!signals) return 0;
  const site = await serveSite(out, port, options.host);
  process.stdout.write(`Serving ${colorizer()('cyan', site.url)} (Ctrl-C stops).\n`);
  await signals.whenStopped(site.close);
  return 0;
}

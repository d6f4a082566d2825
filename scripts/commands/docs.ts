import { resolve } from 'node:path';
import { parsePort } from '../lib/listen.ts';
import { colorizer, plural } from '../lib/output.ts';
import { progress } from '../lib/progress.ts';
import { displayPath, findRepoRoot } from '../lib/repo.ts';
import { stopSignals } from '../lib/signals.ts';
import { serveSite } from '../docs/serve.ts';
import { buildSite } from '../docs/site.ts';
import { publishRef, unpublishRef } from '../docs/publish.ts';
import { loadConfig } from '../lib/config.ts';
import { UserError } from '../lib/errors.ts';

export interface DocsOptions {
  out?: string;
  /** A site folder built elsewhere (by the ref's own code) to take this ref's pages from. */
  publish?: string;
  /** A deleted ref whose pages go. */
  unpublish?: string;
  ref?: string;
  refKind?: 'branch' | 'tag';
  refs?: string[];
  serve?: boolean;
  workingCopy?: boolean;
  port: string;
  host: string;
}

/** `apis docs`: builds the site from every ref (or those matching --refs); `--serve` then serves it. */
export async function docsCommand(options: DocsOptions): Promise<number> {
  const port = parsePort(options.port);
  if (options.publish !== undefined || options.unpublish !== undefined) return publishCommand(options);
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

/**
 * `apis docs --publish <built-site> --ref <name> [--ref-kind tag]` and `apis docs --unpublish <name>`:
 * the publishing job's half, run from the production branch's code with the write token; see
 * scripts/docs/publish.ts for what it accepts from the build.
 */
async function publishCommand(options: DocsOptions): Promise<number> {
  const root = findRepoRoot();
  const out = resolve(options.out ?? `${root}/docs-site/dist`);
  const { branches } = loadConfig(root);
  const kind = options.refKind ?? 'branch';
  if (kind !== 'branch' && kind !== 'tag') throw new UserError(`--ref-kind must be branch or tag, not ${String(kind)}`);
  if (options.unpublish !== undefined) {
    await unpublishRef(out, { kind, name: options.unpublish }, branches);
    process.stdout.write(`Removed the docs of ${options.unpublish} from ${displayPath(out)}.\n`);
    return 0;
  }
  if (!options.ref) throw new UserError('--publish needs --ref <name>: the ref whose pages to take');
  const files = await publishRef(out, resolve(options.publish!), { kind, name: options.ref }, branches);
  process.stdout.write(`Published ${plural(files, 'file')} of ${options.ref} into ${displayPath(out)}.\n`);
  return 0;
}

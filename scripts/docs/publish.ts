/**
 * Publishing one ref's docs that were built elsewhere, by that ref's own code (untrusted: anyone who
 * can push a branch writes it). This code runs from the production branch in the publishing job,
 * which holds the write token: it takes only regular files under the ref's own folder, checks the
 * ref's summary field by field, and writes the landing page, shared assets and rule pages itself.
 */
import { copyFile, lstat, mkdir, readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import type { RepoConfig } from '../lib/config.ts';
import { UserError } from '../lib/errors.ts';
import { isObject } from '../model/openapi-index.ts';
import { folderInside } from './folders.ts';
import type { DomainSummary, RefSummary } from './pages.ts';
import { folderOf, type SiteRef } from './refs.ts';
import { MANIFEST, type Manifest, readManifest, removeFolder, writeAssets, writeLanding, writeRulePages } from './site.ts';

/** What a ref's folder may hold: its pages, its specs as scripts and JSON. */
const PUBLISHABLE = /\.(html|js|json)$/;

export interface PublishedRef {
  kind: 'branch' | 'tag';
  name: string;
}

/**
 * Copies `incoming/<folder of ref>/` into `out/<folder of ref>/` (replacing what was there), takes
 * the ref's entry from the incoming manifest, and rebuilds the shared parts of the site.
 */
export async function publishRef(out: string, incoming: string, ref: PublishedRef, branches: RepoConfig['branches']): Promise<number> {
  const folder = folderOf(ref.kind, ref.name);
  const source = folderInside(incoming, folder);
  const target = folderInside(out, folder);
  if (!source || !target) throw new UserError(`${ref.name}: not a ref this site can hold`);
  const files = await regularFilesUnder(source);
  const entry = (await readIncomingManifest(incoming))?.refs?.[folder];
  const checked = checkEntry(entry, folder);
  if (!checked) throw new UserError(`${incoming}: no usable summary for ${ref.name} in ${MANIFEST}`);
  await removeFolder(out, folder);
  for (const rel of files) {
    await mkdir(dirname(join(target, rel)), { recursive: true });
    await copyFile(join(source, rel), join(target, rel));
  }
  const manifest = readManifest(out);
  manifest.refs[folder] = checked;
  await finish(out, manifest, branches);
  return files.length;
}

/** Removes a deleted ref's folder and its entry. */
export async function unpublishRef(out: string, ref: PublishedRef, branches: RepoConfig['branches']): Promise<void> {
  const folder = folderOf(ref.kind, ref.name);
  if (!folderInside(out, folder)) throw new UserError(`${ref.name}: not a ref this site can hold`);
  await removeFolder(out, folder);
  const manifest = readManifest(out);
  delete manifest.refs[folder];
  await finish(out, manifest, branches);
}

async function finish(out: string, manifest: Manifest, branches: RepoConfig['branches']): Promise<void> {
  await writeAssets(out);
  const { hash } = await writeRulePages(out, undefined);
  await writeLanding(out, { ...manifest, rulePages: hash }, branches);
}

/** Regular files only (a symlink or device in the upload is refused, not followed), with the site's extensions. */
async function regularFilesUnder(dir: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (current: string) => {
    for (const entry of await readdir(current, { withFileTypes: true })) {
      const path = join(current, entry.name);
      const info = await lstat(path);
      if (info.isDirectory()) {
        // Other refs' folders may sit below this one (feature/a and feature/a/b): they are not this ref's.
        continue;
      }
      if (!info.isFile() || !PUBLISHABLE.test(entry.name)) throw new UserError(`${relative(dir, path)}: only pages, scripts and JSON are published`);
      found.push(relative(dir, path));
    }
  };
  await walk(dir).catch((error: NodeJS.ErrnoException) => {
    if (error instanceof UserError) throw error;
    throw new UserError(`${dir}: the built ref folder is missing (${error.code ?? error.message})`);
  });
  return found;
}

async function readIncomingManifest(incoming: string): Promise<{ refs?: Record<string, unknown> } | undefined> {
  try {
    const parsed = JSON.parse(await readFile(join(incoming, MANIFEST), 'utf8'));
    return isObject(parsed) && isObject(parsed.refs) ? (parsed as { refs: Record<string, unknown> }) : undefined;
  } catch {
    return undefined;
  }
}

const str = (v: unknown, max = 500): string => (typeof v === 'string' ? v.slice(0, max) : '');
const count = (v: unknown): number => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : 0);

/** The ref's entry, rebuilt from checked fields only (the landing page escapes every string it shows). */
function checkEntry(entry: unknown, folder: string): { ref: SiteRef; summary: RefSummary } | undefined {
  if (!isObject(entry) || !isObject(entry.ref) || !isObject(entry.summary)) return undefined;
  const r = entry.ref;
  if (r.folder !== folder || (r.kind !== 'branch' && r.kind !== 'tag')) return undefined;
  const ref: SiteRef = {
    kind: r.kind,
    name: str(r.name, 250),
    commit: str(r.commit, 64).replace(/[^0-9a-f]/g, ''),
    date: str(r.date, 40),
    author: str(r.author, 200),
    subject: str(r.subject, 300),
    folder,
  };
  const s = entry.summary;
  const domains: DomainSummary[] = (Array.isArray(s.domains) ? s.domains : []).filter(isObject).map((d) => ({
    name: str(d.name, 100),
    ...(typeof d.title === 'string' ? { title: str(d.title, 200) } : {}),
    ...(typeof d.version === 'string' ? { version: str(d.version, 50) } : {}),
    ...(typeof d.operations === 'number' ? { operations: count(d.operations) } : {}),
    ...(typeof d.error === 'string' ? { error: str(d.error) } : {}),
    ...(isObject(d.findings)
      ? { findings: { errors: count(d.findings.errors), warnings: count(d.findings.warnings), silenced: count(d.findings.silenced) } }
      : {}),
  }));
  const changes = isObject(s.changes) ? { breaking: count(s.changes.breaking), warning: count(s.changes.warning), info: count(s.changes.info) } : null;
  return { ref, summary: { hash: str(s.hash, 64), domains, changes, findings: [], ...(s.noSpecs === true ? { noSpecs: true } : {}) } };
}

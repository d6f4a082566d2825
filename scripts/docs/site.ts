/**
 * Builds the docs site from git refs, reading specs with git (the working tree is never touched).
 * Incremental: a ref is rebuilt only when the content hash of its specs (and, for feature branches,
 * of master's, which its change report compares with) differs from the last build's; its overview
 * page and the landing page are rewritten every time, because they show the refs' latest commits.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { mkdir, readFile, readdir, rm, rmdir } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { createRequire } from 'node:module';
import { loadConfig, type RepoConfig } from '../lib/config.ts';
import { UserError } from '../lib/errors.ts';
import { blobsAt, gitReader, gitTopLevel, hasCommits, treeIdsAt } from '../lib/git.ts';
import { domainsOf, posixRelative, SPECS_DIR, specPathOf, specRelPath, specsDir } from '../lib/repo.ts';
import type { SpecReader } from '../lib/spec-model.ts';
import { toolchainRoot } from '../lib/toolchain.ts';
import { writeIfChanged } from '../lib/atomic-write.ts';
import {
  brokenDomainPage,
  changeKindPage,
  changesPage,
  domainPage,
  landingPage,
  refPage,
  rulePage,
  rulesIndexPage,
  type DomainSummary,
  type RefSummary,
} from './pages.ts';
import { indexOf, isObject, type JsonObject } from '../model/openapi-index.ts';
import { folderInside } from './folders.ts';
import { folderOf, listRefs, orderRefs, selectRefs, type SiteRef } from './refs.ts';

// Loading specs, linting, diffing and markdown are imported when a ref is actually rebuilt: a build
// where nothing changed then costs little more than starting Node (the incremental target is 1 s).
const loading = () => Promise.all([import('../lib/spec-model.ts'), import('../lib/bundle.ts')]);
const linting = () => import('../lint/engine.ts');
const reporting = () =>
  Promise.all([
    import('../diff/compare-document.ts'),
    import('../diff/change.ts'),
    import('../diff/format/markdown.ts'),
    import('./markdown.ts'),
    import('../diff/policy.ts'),
  ]);

/** Bump when the pages change shape, so every ref is rebuilt once. */
export const SITE_VERSION = 'apis-docs-1';
export const MANIFEST = '.apis-docs.json';

export interface SiteOptions {
  out: string;
  /** Glob patterns of ref names to (re)build; every ref when empty. */
  patterns: string[];
  /** Also build the working tree, as the ref "working copy" (the local portal). */
  workingCopy?: boolean;
  /** Build the working copy only (a save in the portal); the other refs keep their pages. */
  workingCopyOnly?: boolean;
  /** Called as refs are built, for progress output. */
  onProgress?: (done: number, total: number, ref: string) => void;
}

export interface SiteResult {
  out: string;
  refs: SiteRef[];
  built: string[];
  unchanged: string[];
  removed: string[];
}

export interface Manifest {
  version: string;
  rulePages?: string;
  refs: Record<string, { ref: SiteRef; summary: RefSummary }>;
}

interface LoadedDomain {
  name: string;
  document?: JsonObject;
  findings?: LintRow[];
  error?: string;
}

export async function buildSite(options: SiteOptions): Promise<SiteResult> {
  const top = await gitTopLevel(process.cwd());
  const anyCommit = await hasCommits(top);
  if (!anyCommit && !options.workingCopy) throw new UserError(`${top}: the repository has no commits yet, so there is nothing to document`);
  const { branches } = loadConfig(top);
  const allRefs = anyCommit ? await listRefs(top) : [];
  const selected = selectRefs(allRefs, options.patterns);
  const workingCopy: SiteRef | undefined = options.workingCopy
    ? { kind: 'working-copy', name: 'working copy', commit: '', date: new Date().toISOString(), author: '', subject: '', folder: folderOf('working-copy', '') }
    : undefined;
  const targets = workingCopy ? (options.workingCopyOnly ? [workingCopy] : [workingCopy, ...selected]) : selected;

  const out = options.out;
  await mkdir(out, { recursive: true });
  const manifest = readManifest(out);
  await writeAssets(out);
  const { ids: ruleIds, hash: rulePagesHash } = await writeRulePages(out, manifest.rulePages);

  // Feature branches are compared with production (listRefs names a remote-only branch as the branch).
  const master = allRefs.find((r) => r.kind === 'branch' && r.name === branches.production);
  const commitTrees = await specsTrees(
    [...new Set([...targets.filter((r) => r.kind !== 'working-copy').map((r) => r.commit), ...(master ? [master.commit] : [])])],
    top,
  );
  const masterTree = master ? commitTrees.get(master.commit)! : '';
  let masterDocs: Map<string, LoadedDomain> | undefined;
  const rulesHash = toolchainHash();
  const built: string[] = [];
  const unchanged: string[] = [];

  const trees = new Map<SiteRef, string>();
  for (const ref of targets) trees.set(ref, ref.kind === 'working-copy' ? workingTreeHash(top) : commitTrees.get(ref.commit)!);
  if (targets.length > 0 && [...trees.values()].every((tree) => tree === '') && !existsSync(specsDir(top))) {
    throw new UserError(`${top}: no specs/ folder on any branch or tag, so there is nothing to document (specs live in specs/<domain>.yaml)`);
  }

  let done = 0;
  for (const ref of targets) {
    options.onProgress?.(done, targets.length, ref.name);
    const isFeature = ref.kind === 'branch' && ref.name.startsWith(branches.featurePrefix) && master !== undefined;
    const tree = trees.get(ref)!;
    const hash = sha256([SITE_VERSION, rulesHash, tree, isFeature ? masterTree : ''].join('\n'));
    const previous = manifest.refs[ref.folder];
    let summary: RefSummary;
    if (previous && previous.summary.hash === hash && existsSync(join(out, ref.folder, 'index.html'))) {
      summary = previous.summary;
      unchanged.push(ref.name);
    } else {
      const domains = await loadRef(ref, top, out, rulesHash);
      if (isFeature) masterDocs ??= new Map((await loadRef(master!, top, out, rulesHash)).map((d) => [d.name, d]));
      summary = await writeRef(out, ref, domains, hash, isFeature ? masterDocs : undefined, ruleIds, branches.production);
      built.push(ref.name);
    }
    manifest.refs[ref.folder] = { ref, summary };
    await writeIfChanged(join(out, ref.folder, 'index.html'), refPage(ref, summary, branches, rootOf(ref.folder)), out);
    done++;
  }
  options.onProgress?.(done, targets.length, '');

  // Folders of refs that no longer exist go; other refs' folders stay as they are.
  const removed: string[] = [];
  const alive = new Set([...allRefs.map((r) => r.folder), ...(workingCopy ? [workingCopy.folder] : [])]);
  for (const folder of Object.keys(manifest.refs)) {
    if (alive.has(folder)) continue;
    removed.push(manifest.refs[folder].ref.name);
    delete manifest.refs[folder];
    await removeFolder(out, folder);
  }
  // Refs that still exist but were not rebuilt keep their summary; their commit line is refreshed.
  await writeLanding(out, { ...manifest, rulePages: rulePagesHash }, branches, new Map(allRefs.map((r) => [r.folder, r])));
  return { out, refs: targets, built, unchanged, removed };
}

/** The landing page (every ref of the manifest, in order) and the manifest itself. */
export async function writeLanding(out: string, manifest: Manifest, branches: RepoConfig['branches'], latest = new Map<string, SiteRef>()): Promise<void> {
  const listed = Object.values(manifest.refs).map(({ ref, summary }) => ({ ref: latest.get(ref.folder) ?? ref, summary }));
  const order = orderRefs(
    listed.map((l) => l.ref),
    branches,
  );
  const byFolder = new Map(listed.map((l) => [l.ref.folder, l]));
  await writeIfChanged(
    join(out, 'index.html'),
    landingPage(
      order.map((r) => byFolder.get(r.folder)!),
      branches,
    ),
    out,
  );
  await writeIfChanged(
    join(out, MANIFEST),
    JSON.stringify({ version: SITE_VERSION, rulePages: manifest.rulePages, refs: manifest.refs } satisfies Manifest, null, 1) + '\n',
    out,
  );
}

function rootOf(folder: string): string {
  return '../'.repeat(folder.split('/').length);
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * The manifest of the published site: untrusted (it comes back from gh-pages). Entries whose folder
 * is not a safe folder of the site, or does not match the ref they describe, are dropped.
 */
export function readManifest(out: string): Manifest {
  try {
    const manifest = JSON.parse(readFileSync(join(out, MANIFEST), 'utf8')) as Manifest;
    if (manifest.version === SITE_VERSION && isObject(manifest.refs)) {
      const refs = Object.fromEntries(
        Object.entries(manifest.refs).filter(
          ([folder, entry]) =>
            folderInside(out, folder) !== undefined && isObject(entry) && isObject(entry.ref) && entry.ref.folder === folder && isObject(entry.summary),
        ),
      );
      return { version: SITE_VERSION, ...(typeof manifest.rulePages === 'string' ? { rulePages: manifest.rulePages } : {}), refs };
    }
  } catch {
    // No site yet, or one from another version: everything is built.
  }
  return { version: SITE_VERSION, refs: {} };
}

/** The id of the specs/ tree at each commit, '' where there is none: a content hash of every spec git already has. */
const specsTrees = (commits: string[], top: string) => treeIdsAt(commits, SPECS_DIR, top);

function workingTreeHash(top: string): string {
  return existsSync(specsDir(top)) ? hashFiles(top, [SPECS_DIR], true) : '';
}

/** The rules and page code decide what a page shows: a change to either rebuilds every ref. */
function toolchainHash(): string {
  return hashFiles(toolchainRoot(), ['rules', join('rules', 'functions'), join('rules', 'lib'), join('scripts', 'docs'), join('docs-site', 'assets')], false);
}

/** A hash of the names and contents of the files in `dirs` (below `root`), in a stable order. */
function hashFiles(root: string, dirs: string[], recursive: boolean): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isFile()) hash.update(relative(root, path)).update('\0').update(readFileSync(path)).update('\0');
      else if (recursive) walk(path);
    }
  };
  for (const dir of dirs) walk(join(root, dir));
  return hash.digest('hex');
}

/**
 * A domain's bundled document and house-rule findings, cached by the git blob id of its spec, with
 * the blob ids of every file it read: a spec that is the same on many refs (most specs on most
 * branches) is parsed once per site, not once per ref.
 */
interface CachedDomain {
  files: Record<string, string>;
  document: JsonObject;
  findings: LintRow[];
}
type LintRow = Omit<RefSummary['findings'][number], 'domain' | 'documented'>;
const CACHE = '.apis-docs-cache';

/** `toolchain` (the hash of rules and page code) is part of the cache key: new rules, new findings. */
async function loadRef(ref: SiteRef, top: string, out: string, toolchain: string): Promise<LoadedDomain[]> {
  const specsFolder = specsDir(top);
  const blobs = ref.kind === 'working-copy' ? undefined : await blobsAt(ref.commit, top);
  const names = blobs
    ? [...blobs.keys()].filter((p) => p.startsWith(`${SPECS_DIR}/`) && !p.slice(SPECS_DIR.length + 1).includes('/')).map((p) => p.slice(SPECS_DIR.length + 1))
    : existsSync(specsFolder)
      ? readdirSync(specsFolder)
      : undefined;
  if (names === undefined || names.length === 0) return [];
  const domains: LoadedDomain[] = [];
  for (const name of domainsOf(names)) {
    const blob = blobs?.get(specRelPath(name));
    const cacheFile = blob ? join(out, CACHE, `${blob}-${toolchain.slice(0, 12)}.json`) : undefined;
    const cached = cacheFile ? readCache(cacheFile, blobs!) : undefined;
    if (cached) {
      domains.push({ name, document: cached.document, findings: cached.findings });
      continue;
    }
    const [{ loadSpec, workingTree }, { bundleModel }] = await loading();
    const { lintModels } = await linting();
    const reader: SpecReader = ref.kind === 'working-copy' ? workingTree : await gitReader(ref.commit, top, ref.name);
    try {
      const model = await loadSpec(specPathOf(top, name), { reader, boundary: top });
      const findings = (await lintModels([model], { structural: false })).map((f) => ({
        rule: f.rule,
        severity: f.severity,
        message: f.message,
        line: f.line,
        silenced: f.silenced,
      }));
      const { document } = await bundleModel(model);
      domains.push({ name, document, findings });
      if (cacheFile) {
        const files = Object.fromEntries([...model.files.keys()].map((abs) => posixRelative(top, abs)).map((rel) => [rel, blobs!.get(rel) ?? '']));
        await writeIfChanged(cacheFile, JSON.stringify({ files, document, findings } satisfies CachedDomain), out);
      }
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      domains.push({ name, error: error.message });
    }
  }
  return domains;
}

function readCache(file: string, blobs: Map<string, string>): CachedDomain | undefined {
  try {
    const cached = JSON.parse(readFileSync(file, 'utf8')) as CachedDomain;
    return Object.entries(cached.files).every(([path, blob]) => blobs.get(path) === blob) ? cached : undefined;
  } catch {
    return undefined;
  }
}

/** The origins "Try it out" may call: the spec's own servers and mocks on this machine. */
function connectOrigins(document: JsonObject): string[] {
  const origins = new Set<string>(['http://127.0.0.1:*', 'http://localhost:*']);
  for (const server of Array.isArray(document.servers) ? document.servers : []) {
    try {
      const url = new URL(String(server?.url ?? ''));
      if (url.protocol === 'https:' || url.protocol === 'http:') origins.add(url.origin);
    } catch {
      // relative or templated server URLs need no extra origin
    }
  }
  return [...origins];
}

async function writeRef(
  out: string,
  ref: SiteRef,
  domains: LoadedDomain[],
  hash: string,
  masterDocs: Map<string, LoadedDomain> | undefined,
  ruleIds: Set<string>,
  production: string,
): Promise<RefSummary> {
  const [{ diffDocuments }, { summarizeChanges }, { formatDiffMarkdown }, { markdownRenderer }, { evaluateGate }] = await reporting();
  const folder = join(out, ref.folder);
  const root = rootOf(ref.folder);
  const keep = new Set(['index.html']);
  const names = domains.map((d) => d.name);
  const summaries: DomainSummary[] = [];
  const findings: RefSummary['findings'] = [];
  for (const domain of domains) {
    keep.add(`${domain.name}.html`);
    if (domain.error || !domain.document) {
      summaries.push({ name: domain.name, error: domain.error });
      await writeIfChanged(join(folder, `${domain.name}.html`), brokenDomainPage(ref, domain.name, domain.error ?? 'unknown error', root), out);
      continue;
    }
    const doc = domain.document;
    const operations = indexOf(doc).operations.filter((op) => op.kind === 'path').length;
    const lint = domain.findings ?? [];
    for (const f of lint) findings.push({ ...f, domain: domain.name, documented: ruleIds.has(f.rule) });
    summaries.push({
      name: domain.name,
      title: typeof doc.info?.title === 'string' ? doc.info.title : undefined,
      version: typeof doc.info?.version === 'string' ? doc.info.version : undefined,
      operations,
      findings: {
        errors: lint.filter((f) => f.severity === 'error' && !f.silenced).length,
        warnings: lint.filter((f) => f.severity === 'warning' && !f.silenced).length,
        silenced: lint.filter((f) => f.silenced).length,
      },
    });
    keep.add(`${domain.name}.spec.js`).add(`${domain.name}.json`);
    const json = JSON.stringify(doc);
    // The spec as a script, so the page also works from file:// (no fetch, which browsers refuse there).
    await writeIfChanged(
      join(folder, `${domain.name}.spec.js`),
      `window.apisSpec = ${json.replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029')};\n`,
      out,
    );
    await writeIfChanged(join(folder, `${domain.name}.json`), json + '\n', out);
    await writeIfChanged(join(folder, `${domain.name}.html`), domainPage(ref, domain.name, names, root, connectOrigins(doc), ref.kind === 'working-copy'), out);
  }
  let changes: RefSummary['changes'] = null;
  if (masterDocs) {
    const render = markdownRenderer();
    const sections: string[] = [];
    let totals = { breaking: 0, warning: 0, info: 0 };
    for (const name of [...new Set([...masterDocs.keys(), ...names])].sort()) {
      const base = masterDocs.get(name);
      const head = domains.find((d) => d.name === name);
      if (base?.error || head?.error) {
        sections.push(
          render(
            `### ${name}\n\nNot compared: ${base?.error ? `${production} does not load (${base.error})` : `this branch does not load (${head!.error})`}.\n`,
          ),
        );
        continue;
      }
      // Breaking changes carry their gate status: accepted and allowed ones are shown as such.
      const list = evaluateGate(base?.document ?? null, head?.document ?? null, diffDocuments(base?.document ?? null, head?.document ?? null)).changes;
      const s = summarizeChanges(list);
      totals = { breaking: totals.breaking + s.breaking, warning: totals.warning + s.warning, info: totals.info + s.info };
      sections.push(render(formatDiffMarkdown({ title: `${name}: changes against ${production}`, changes: list, link: (id) => `${root}changes/${id}.html` })));
    }
    keep.add('changes.html');
    await writeIfChanged(join(folder, 'changes.html'), changesPage(ref, sections.join('\n'), root, production), out);
    changes = totals;
  }
  await removeStale(folder, keep);
  return { hash, domains: summaries, changes, findings, ...(domains.length === 0 ? { noSpecs: true } : {}) };
}

/** Files a previous build of this ref wrote and this one did not (a removed domain). Sub-folders are other refs. */
async function removeStale(folder: string, keep: Set<string>): Promise<void> {
  for (const entry of await readdir(folder, { withFileTypes: true }).catch(() => [])) {
    if (entry.isFile() && !keep.has(entry.name) && /\.(html|json|js)$/.test(entry.name)) await rm(join(folder, entry.name), { force: true });
  }
}

/** Removes a ref's own files, and its folder and empty parents when nothing else (another ref) lives there. */
export async function removeFolder(out: string, folder: string): Promise<void> {
  const dir = folderInside(out, folder);
  if (dir === undefined) return; // not a folder of this site: never touched
  for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    if (entry.isFile()) await rm(join(dir, entry.name), { force: true });
  }
  let current = dir;
  while (current !== out && current.startsWith(out + sep)) {
    try {
      await rmdir(current);
    } catch {
      break; // not empty: another ref's folder is inside
    }
    current = dirname(current);
  }
}

/** Swagger UI and the site's own files, copied from the toolchain: nothing is ever fetched from elsewhere. */
export async function writeAssets(out: string): Promise<void> {
  const root = toolchainRoot();
  const swagger = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
  for (const name of ['swagger-ui-bundle.js', 'swagger-ui.css']) await copyIfChanged(join(swagger, name), join(out, 'assets', 'swagger-ui', name), out);
  for (const name of ['docs.js', 'docs.css', 'portal.js']) await copyIfChanged(join(root, 'docs-site', 'assets', name), join(out, 'assets', name), out);
}

async function copyIfChanged(from: string, to: string, out: string): Promise<void> {
  await writeIfChanged(to, await readFile(from, 'utf8'), out);
}

/** rules/docs/<id>.md (house rules) and rules/changes/<id>.md (change kinds) rendered, with their indexes; returns the rule ids that have a page. */
export async function writeRulePages(out: string, previousHash: string | undefined): Promise<{ ids: Set<string>; hash: string }> {
  const pagesIn = (dir: string) =>
    existsSync(dir)
      ? readdirSync(dir)
          .filter((f) => f.endsWith('.md') && f !== 'README.md')
          .map((f) => f.slice(0, -3))
          .sort()
      : [];
  const docsDir = join(toolchainRoot(), 'rules', 'docs');
  const changesDir = join(toolchainRoot(), 'rules', 'changes');
  const ids = pagesIn(docsDir);
  const changeIds = pagesIn(changesDir);
  const sources = [
    ...ids.map((id) => join(docsDir, `${id}.md`)),
    ...changeIds.map((id) => join(changesDir, `${id}.md`)),
    ...(existsSync(join(changesDir, 'README.md')) ? [join(changesDir, 'README.md')] : []),
  ];
  const hash = sha256([SITE_VERSION, ...sources.map((f) => `${f}\n${readFileSync(f, 'utf8')}`)].join('\0'));
  if (hash === previousHash && existsSync(join(out, 'rules', 'index.html'))) return { ids: new Set(ids), hash };
  const { markdownRenderer } = await import('./markdown.ts');
  // Links between pages point at the .md files; on the site they are the .html pages.
  const render = markdownRenderer((href) =>
    href.replace(/^((?:\.{1,2}\/)*(?:[\w-]+\/)*)README\.md(#.*)?$/, '$1index.html$2').replace(/^((?:\.{1,2}\/)*(?:[\w-]+\/)*[\w-]+)\.md(#.*)?$/, '$1.html$2'),
  );
  const index: Array<{ id: string; title: string }> = [];
  for (const id of ids) {
    const markdown = readFileSync(join(docsDir, `${id}.md`), 'utf8');
    const title = /^#\s+(.+)$/m.exec(markdown)?.[1] ?? id;
    index.push({ id, title: title.replace(/`/g, '') === id ? '' : title.replace(/`/g, '') });
    await writeIfChanged(join(out, 'rules', `${id}.html`), rulePage(id, render(markdown)), out);
  }
  await writeIfChanged(join(out, 'rules', 'index.html'), rulesIndexPage(index), out);
  for (const id of changeIds)
    await writeIfChanged(join(out, 'changes', `${id}.html`), changeKindPage(id, render(readFileSync(join(changesDir, `${id}.md`), 'utf8'))), out);
  if (existsSync(join(changesDir, 'README.md')))
    await writeIfChanged(join(out, 'changes', 'index.html'), changeKindPage(null, render(readFileSync(join(changesDir, 'README.md'), 'utf8'))), out);
  return { ids: new Set(ids), hash };
}

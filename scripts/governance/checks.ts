/**
 * The checks of the CI gate, in the order CI reports them: code owners, lint, generated code, and
 * with a base ref the breaking-change gate. `apis check` prints them; the pre-push hook runs them.
 */
import { readFile } from 'node:fs/promises';
import { readdirSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import { formatDiff } from '../diff/format/index.ts';
import { validateCodeowners } from './codeowners.ts';
import type { CheckName, SilencedFinding } from './pr-comment.ts';
import { gitReader, repoFiles } from '../lib/git.ts';
import { colorizer, plural } from '../lib/output.ts';
import { loadDomains, type DomainSpec } from '../lib/workspace.ts';
import { lintModels } from '../lint/engine.ts';
import { summarize } from '../lint/finding.ts';
import { formatReport } from '../lint/format/index.ts';
import { generateDomain, staleFiles } from '../generate/pipeline.ts';
import { generateRuntimePackage } from '../generate/runtime-package.ts';
import { loadConfig } from '../lib/config.ts';
import { diffDomains, type DomainDiff } from '../diff/domains.ts';
import { changeKind, changePagePath } from '../diff/catalogue.ts';
import { acceptanceYaml, nextMajor } from '../diff/ways.ts';
import { pageLink, repositoryUrl } from '../lib/links.ts';
import { newSince } from '../lint/baseline.ts';
import { generatedDir, generatedRelPath, specRelPath, posixRelative, RUNTIME_PACKAGE } from '../lib/repo.ts';

export interface CheckOutcome {
  name: string;
  ok: boolean;
  summary: string;
  /** Shown under a failing check: what exactly is wrong. */
  details?: string;
  /** The one command that reproduces (or fixes) the failure locally. */
  reproduce: string;
}

interface CheckContext {
  root: string;
  specs: DomainSpec[];
  /** Filled by the checks for `--report`: what the PR comment shows beyond pass/fail. */
  report: { changes: string[]; silenced: SilencedFinding[] };
  /** With --base: the git ref the change is judged against (the pull request's target). */
  base?: string;
}

type Check = (context: CheckContext) => Promise<CheckOutcome>;

const lintCheck: Check = async ({ specs, base, report }) => {
  const all = await lintModels(specs.map((s) => s.model));
  // With a base, only findings that are new since it fail, so a new rule can land before old specs are fixed.
  const baseline = base
    ? await newSince(
        base,
        specs.map((s) => s.model),
        all,
      )
    : undefined;
  const findings = baseline?.findings ?? all;
  const preexisting = baseline?.preexisting ?? 0;
  report.silenced.push(...all.filter((f) => f.silenced).map((f) => ({ rule: f.rule, file: f.file, line: f.line, message: f.message, reason: f.reason ?? '' })));
  const { errors, warnings } = summarize(findings);
  return {
    name: 'lint',
    ok: errors === 0,
    summary: `${plural(specs.length, 'spec')}: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}${base ? ` new since ${base}${preexisting > 0 ? ` (${plural(preexisting, 'finding')} that already existed there left out)` : ''}` : ''}`,
    details: errors + warnings > 0 ? formatReport('stylish', { findings }) : undefined,
    reproduce: base ? `npx apis lint --base ${base}` : 'npx apis lint',
  };
};

const generatedCheck: Check = async ({ root, specs, base }) => {
  const scope = loadConfig(root).packageScope;
  const outputs = [];
  for (const { domain, model } of specs) outputs.push({ domain, files: await generateDomain(domain, model, scope) });
  const runtime = await generateRuntimePackage(scope);
  outputs.push({ domain: RUNTIME_PACKAGE, files: runtime });
  const stale = await staleFiles(root, outputs);
  const unversioned = base ? await unversionedRuntimeChange(root, base, runtime) : undefined;
  const problems = [...stale, ...(unversioned ? [unversioned] : [])];
  return {
    name: 'generated',
    ok: problems.length === 0,
    summary:
      problems.length === 0
        ? 'every package in generated/ matches its spec'
        : unversioned && stale.length === 0
          ? 'the shared runtime changed without a new version'
          : `${plural(stale.length, 'file')} in generated/ not up to date`,
    details:
      problems.length > 0
        ? problems
            .slice(0, 20)
            .map((s) => `  ${s}\n`)
            .join('') + (problems.length > 20 ? `  … and ${problems.length - 20} more\n` : '')
        : undefined,
    reproduce: unversioned && stale.length === 0 ? 'add a "## <version>" section to scripts/runtime/CHANGELOG.md, then npx apis generate' : 'npx apis generate',
  };
};

/**
 * The runtime package is published when its version is new: a change to it under the version the
 * base already has would never reach anyone (or reach them under a version that meant something else).
 */
async function unversionedRuntimeChange(root: string, base: string, runtime: Map<string, string>): Promise<string | undefined> {
  const reader = await gitReader(base, root);
  const dir = generatedDir(root, RUNTIME_PACKAGE);
  const before = await reader.read(join(dir, 'package.json'));
  if (before === undefined) return undefined; // a new package: its first version is new
  const version = (JSON.parse(Buffer.from(before).toString('utf8')) as { version?: string }).version;
  const now = (JSON.parse(runtime.get('package.json') ?? '{}') as { version?: string }).version;
  if (version !== now) return undefined;
  for (const [path, content] of runtime) {
    if (path === 'CHANGELOG.md') continue;
    const old = await reader.read(join(dir, path));
    if (old === undefined || Buffer.from(old).toString('utf8') !== content)
      return `${generatedRelPath(RUNTIME_PACKAGE)}/${path} differs from ${base}, but the runtime's version is still ${now}`;
  }
  return undefined;
}

const breakingChangeCheck: Check = async ({ root, base, specs, report }) => {
  if (!base)
    return {
      name: 'breaking',
      ok: true,
      summary: 'skipped (pass --base <ref> to judge changes against it)',
      reproduce: `npx apis check --base ${loadConfig(root).branches.production}`,
    };
  const domains = await diffDomains(
    base,
    root,
    specs.map((s) => s.domain),
  );
  return breakingOutcome(root, base, domains, report);
};

/** The breaking-change gate on a commit's specs (read from git), as the pre-push hook judges each pushed commit. */
export async function reportBreakingGate(root: string, base: string, headRef: string): Promise<CheckOutcome> {
  return breakingOutcome(root, base, await diffDomains(base, root, [], headRef), { changes: [], silenced: [] });
}

async function breakingOutcome(root: string, base: string, domains: DomainDiff[], report: CheckContext['report']): Promise<CheckOutcome> {
  const repository = await repositoryUrl(root);
  const link = (id: string) => pageLink(repository, changePagePath(id));
  for (const d of domains)
    if (d.changes.length > 0) report.changes.push(formatDiff('markdown', { title: `${d.domain}: changes against ${base}`, changes: d.changes, link }));
  const lines: string[] = [];
  const failing: string[] = [];
  for (const d of domains) {
    if (d.gate.changes.length === 0 && d.gate.ok) continue;
    if (!d.gate.ok) failing.push(d.domain);
    lines.push(...gateReport(d, base));
  }
  const changed = domains.filter((d) => d.changes.length > 0).length;
  return {
    name: 'breaking',
    ok: failing.length === 0,
    summary:
      failing.length === 0
        ? `${plural(changed, 'domain')} changed against ${base}, no unaccepted breaking change`
        : `${plural(failing.length, 'domain')} with unaccepted breaking changes or version problems against ${base}`,
    details: lines.length > 0 ? lines.join('\n') + '\n' : undefined,
    reproduce: failing.length > 0 ? failing.map((d) => `npx apis diff ${base}:${specFile(d)} ${specFile(d)}`).join(' && ') : `npx apis check --base ${base}`,
  };
}

const specFile = specRelPath;

/** One domain's gate, with the ways through for what blocks it. */
function gateReport({ domain, base: baseDoc, head: headDoc, gate }: DomainDiff, base: string): string[] {
  const baseVersion = String(baseDoc?.info?.version ?? '');
  const headVersion = String(headDoc?.info?.version ?? '');
  const bump =
    gate.expectedBump !== 'none'
      ? gate.expectedBump
      : gate.blocking.length > 0
        ? `major once the breaking changes are accepted (${nextMajor(baseVersion)} or later)`
        : 'none';
  const lines = [
    `  ${domain}: ${gate.blocking.length} not accepted, ${gate.accepted.length} accepted, ${gate.sunsetRemovals.length} removed after sunset; version ${baseVersion || '(new)'} → ${headVersion || '(removed)'}; expected version bump: ${bump}`,
  ];
  for (const c of gate.blocking) {
    const kind = changeKind(c.id);
    lines.push(`    ✖ ${c.operation ?? '(document)'}: ${c.message} [${c.id}]`);
    if (kind) lines.push(`      why: ${kind.why} (${changePagePath(c.id)})`);
    if (kind?.instead) lines.push(`      instead: ${kind.instead}`);
  }
  for (const { change, reason } of gate.accepted)
    lines.push(`    ✔ accepted ${change.operation ?? '(document)'}: ${change.message} [${change.id}] (reason: ${reason})`);
  for (const c of gate.sunsetRemovals) lines.push(`    ✔ sunset ${c.message}`);
  for (const a of gate.stale)
    lines.push(`    ✖ x-accepted-breaking-changes[${a.index}] (${a.change} on ${a.operation ?? 'the document'}) matches no change against ${base}: remove it`);
  for (const a of gate.unreasoned) lines.push(`    ✖ x-accepted-breaking-changes[${a.index}] needs a reason of at least 10 characters`);
  if (gate.versionProblem) lines.push(`    ✖ ${gate.versionProblem}`);
  if (gate.blocking.length > 0) {
    const existing = Array.isArray(headDoc?.['x-accepted-breaking-changes']);
    lines.push(
      `    ways through: change it compatibly (see "instead" above), or put the new behaviour under a new /vN/ path${gate.blocking.some((c) => c.id === 'operation-removed') ? `, or for a removal mark the operation deprecated with x-sunset: YYYY-MM-DD on ${base} first` : ''};`,
      `    or, when no client can be affected, accept ${gate.blocking.length > 1 ? 'them' : 'it'}: ${existing ? 'add these entries to x-accepted-breaking-changes in' : 'add this to'} ${specFile(domain)}, write the reason, have the domain's code owners approve, and set info.version to ${nextMajor(baseVersion)}:`,
      ...acceptanceYaml(gate.blocking)
        .split('\n')
        .slice(existing ? 1 : 0)
        .map((l) => `      ${l}`),
      `    reproduce: npx apis diff ${base}:${specFile(domain)} ${specFile(domain)}`,
    );
  }
  return lines;
}

const codeownersCheck: Check = async ({ root }) => {
  const path = join(root, 'CODEOWNERS');
  const text = await readFile(path, 'utf8').catch(() => undefined);
  const problems =
    text === undefined ? [{ line: 0, message: 'CODEOWNERS is missing' }] : validateCodeowners(text, await repoFiles(root).catch(() => filesOnDisk(root)));
  return {
    name: 'owners',
    ok: problems.length === 0,
    summary: problems.length === 0 ? 'every spec has an owner; CODEOWNERS is valid' : `${plural(problems.length, 'problem')} in CODEOWNERS`,
    details: problems.length > 0 ? problems.map((p) => `  CODEOWNERS${p.line ? `:${p.line}` : ''}: ${p.message}\n`).join('') : undefined,
    reproduce: 'npx apis check',
  };
};

/** Outside a git checkout (an unpacked archive), the files on disk stand in for git's list. */
function filesOnDisk(root: string): string[] {
  return (readdirSync(root, { recursive: true, withFileTypes: true }) as Dirent[])
    .filter((e) => e.isFile())
    .map((e) => posixRelative(root, join(e.parentPath ?? (e as unknown as { path: string }).path, e.name)))
    .filter((f) => !/^(node_modules|\.git|\.cache)\//.test(f));
}

/** The CI gate, in the order CI reports it. Later capabilities add their checks here. */
const CHECKS: Check[] = [codeownersCheck, lintCheck, generatedCheck, breakingChangeCheck];

export interface CheckRun {
  outcomes: CheckOutcome[];
  changes: string[];
  silenced: SilencedFinding[];
}

export async function runChecks(options: { base?: string; domains?: string[] } = {}): Promise<CheckOutcome[]> {
  return (await runCheckSuite(options)).outcomes;
}

export async function runCheckSuite(options: { base?: string; domains?: string[] } = {}): Promise<CheckRun> {
  const { root, specs } = await loadDomains(options.domains ?? []);
  const report = { changes: [] as string[], silenced: [] as SilencedFinding[] };
  const outcomes: CheckOutcome[] = [];
  for (const check of CHECKS) outcomes.push(await check({ root, specs, base: options.base, report }));
  return { outcomes, ...report };
}

/** The PR comment's rows for the checks `apis check` runs. */
export const COMMENT_NAMES: Record<string, CheckName | undefined> = {
  lint: 'lint',
  breaking: 'breaking changes',
  generated: 'generated files',
  owners: 'lint',
};

export function reportChecks(outcomes: CheckOutcome[]): string {
  const paint = colorizer();
  const lines: string[] = [];
  for (const o of outcomes) {
    lines.push(`${o.ok ? paint('green', '✔') : paint('red', '✖')} ${o.name.padEnd(8)} ${o.summary}`);
    if (o.details) lines.push(o.details.trimEnd());
    if (!o.ok) lines.push(`  reproduce: ${o.reproduce}`);
  }
  const failed = outcomes.filter((o) => !o.ok).length;
  lines.push(failed === 0 ? paint('green', `all ${outcomes.length} checks passed`) : paint('red', `${failed} of ${outcomes.length} checks failed`));
  return lines.join('\n') + '\n';
}

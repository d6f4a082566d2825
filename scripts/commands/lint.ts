import { gitReader } from '../lib/git.ts';
import { loadSpec, type SpecModel } from '../lib/spec-model.ts';
import { findRepoRoot } from '../lib/repo.ts';
import { loadSpecFiles } from '../lib/workspace.ts';
import { lintModels } from '../lint/engine.ts';
import { summarize, type Finding } from '../lint/finding.ts';
import { formatReport, type LintFormat, type LintReport } from '../lint/format/index.ts';

export interface LintOptions {
  format: LintFormat;
  base?: string;
}

/** `apis lint [files…]`: exit 0 without error findings, 1 with, 2 (thrown) for unusable input. */
export async function lintCommand(files: string[], options: LintOptions): Promise<number> {
  const models = await loadSpecFiles(files);
  const findings = await lintModels(models);
  const report: LintReport = options.base ? await newSince(options.base, models, findings) : { findings };
  process.stdout.write(formatReport(options.format, report));
  return summarize(report.findings).errors > 0 ? 1 : 0;
}

/**
 * Keeps the findings that do not exist at `ref` in the same file, matched on rule id and JSON
 * pointer (not line numbers, which shift with every edit). A file that is new has no old findings.
 */
async function newSince(ref: string, models: SpecModel[], findings: Finding[]): Promise<LintReport> {
  const reader = await gitReader(ref, process.cwd());
  const baseModels: SpecModel[] = [];
  for (const model of models) {
    if ((await reader.read(model.path)) === undefined) continue;
    baseModels.push(await loadSpec(model.path, { reader, boundary: findRepoRoot(model.path) }));
  }
  const key = (f: Finding) => `${f.source}\u0000${f.rule}\u0000${f.pointer}`;
  const old = new Set((await lintModels(baseModels)).map(key));
  const fresh = findings.filter((f) => !old.has(key(f)));
  return { findings: fresh, baseline: { ref, preexisting: findings.length - fresh.length } };
}

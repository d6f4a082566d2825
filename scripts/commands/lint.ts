import { repositoryUrl } from '../lib/links.ts';
import { findRepoRoot } from '../lib/repo.ts';
import { loadSpecFiles } from '../lib/workspace.ts';
import { newSince } from '../lint/baseline.ts';
import { lintModels } from '../lint/engine.ts';
import { summarize } from '../lint/finding.ts';
import { formatReport, type LintFormat, type LintReport } from '../lint/format/index.ts';

export interface LintOptions {
  format: LintFormat;
  base?: string;
}

/** `apis lint [files…]`: exit 0 without error findings, 1 with, 2 (thrown) for unusable input. */
export async function lintCommand(files: string[], options: LintOptions): Promise<number> {
  const models = await loadSpecFiles(files);
  const findings = await lintModels(models);
  const repository = options.format === 'sarif' ? await repositoryUrl(findRepoRoot()) : undefined;
  let report: LintReport = { findings, repository };
  if (options.base) {
    const baseline = await newSince(options.base, models, findings);
    report = { findings: baseline.findings, baseline: { ref: baseline.ref, preexisting: baseline.preexisting }, repository };
  }
  process.stdout.write(formatReport(options.format, report));
  return summarize(report.findings).errors > 0 ? 1 : 0;
}

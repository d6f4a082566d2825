import { lintModels } from '../lint/engine.ts';
import { summarize } from '../lint/finding.ts';
import { formatFindings, type LintFormat } from '../lint/formats.ts';
import { loadSpecFiles } from '../lib/workspace.ts';

export interface LintOptions {
  format: LintFormat;
}

/** `apis lint [files…]`: exit 0 without error findings, 1 with, 2 (thrown) for unusable input. */
export async function lintCommand(files: string[], options: LintOptions): Promise<number> {
  const models = await loadSpecFiles(files);
  const findings = await lintModels(models);
  process.stdout.write(formatFindings(options.format, findings));
  return summarize(findings).errors > 0 ? 1 : 0;
}

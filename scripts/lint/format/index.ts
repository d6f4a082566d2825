import { formatGithub } from './github.ts';
import { formatJson } from './json.ts';
import { formatMarkdown } from './markdown.ts';
import { formatSarif } from './sarif.ts';
import { formatStylish } from './stylish.ts';

import type { LintReport } from './report.ts';
export { ruleDocPath, type LintReport } from './report.ts';

import type { LintFormat } from './names.ts';
export { LINT_FORMATS, type LintFormat } from './names.ts';

const formatters: Record<LintFormat, (report: LintReport) => string> = {
  stylish: formatStylish,
  json: formatJson,
  sarif: formatSarif,
  github: formatGithub,
  markdown: formatMarkdown,
};

export function formatReport(format: LintFormat, report: LintReport): string {
  return formatters[format](report);
}

import type { Finding } from '../finding.ts';
import { formatGithub } from './github.ts';
import { formatJson } from './json.ts';
import { formatMarkdown } from './markdown.ts';
import { formatSarif } from './sarif.ts';
import { formatStylish } from './stylish.ts';

export interface LintReport {
  findings: Finding[];
  /** With --base: the ref compared against and how many findings already existed there. */
  baseline?: { ref: string; preexisting: number };
}

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

/** Where a rule is explained: house rules have a page in rules/docs/. */
export function ruleDocPath(rule: string, houseRules: readonly string[]): string | undefined {
  return houseRules.includes(rule) ? `rules/docs/${rule}.md` : undefined;
}

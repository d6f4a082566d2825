import type { Finding } from '../finding.ts';

/** What every lint format renders. */
export interface LintReport {
  findings: Finding[];
  /** With --base: the ref compared against and how many findings already existed there. */
  baseline?: { ref: string; preexisting: number };
}

/** Where a rule is explained: house rules have a page in rules/docs/. */
export function ruleDocPath(rule: string, houseRules: readonly string[]): string | undefined {
  return houseRules.includes(rule) ? `rules/docs/${rule}.md` : undefined;
}

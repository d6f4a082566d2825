import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { toolchainRoot } from '../../lib/toolchain.ts';
import type { Finding } from '../finding.ts';

/** What every lint format renders. */
export interface LintReport {
  findings: Finding[];
  /** With --base: the ref compared against and how many findings already existed there. */
  baseline?: { ref: string; preexisting: number };
  /** The repository's browsable address, for absolute links to rule pages (SARIF needs them absolute). */
  repository?: string;
}

/** Where a rule is explained: house rules and the toolchain's own rules have a page in rules/docs/. */
export function ruleDocPath(rule: string): string | undefined {
  return /^[a-z0-9-]+$/.test(rule) && existsSync(join(toolchainRoot(), 'rules', 'docs', `${rule}.md`)) ? `rules/docs/${rule}.md` : undefined;
}

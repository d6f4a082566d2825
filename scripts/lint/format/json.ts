import { summarize } from '../finding.ts';
import type { LintReport } from './report.ts';

/** Exactly one JSON document: {findings, summary}; the summary gains `preexisting` with --base. */
export function formatJson({ findings, baseline }: LintReport): string {
  const ordered = findings.map(({ rule, severity, message, file, line, column, pointer, silenced, reason }) => ({
    rule,
    severity,
    message,
    file,
    line,
    column,
    pointer,
    silenced,
    reason,
  }));
  const summary = { ...summarize(findings), ...(baseline ? { preexisting: baseline.preexisting, base: baseline.ref } : {}) };
  return JSON.stringify({ findings: ordered, summary }, null, 2) + '\n';
}

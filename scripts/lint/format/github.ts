import { summarize } from '../finding.ts';
import type { LintReport } from './report.ts';

// Workflow commands: https://docs.github.com/actions/reference/workflow-commands-for-github-actions
const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** One annotation per finding (silenced ones as notices with their reason), then a summary line. */
export function formatGithub({ findings, baseline }: LintReport): string {
  const lines = findings.map((f) => {
    const command = f.silenced ? 'notice' : f.severity === 'error' ? 'error' : f.severity === 'warning' ? 'warning' : 'notice';
    const message = f.silenced ? `${f.message} — silenced: ${f.reason ?? ''}` : f.message;
    return `::${command} file=${escapeProperty(f.file)},line=${f.line},col=${f.column},title=${escapeProperty(f.rule)}::${escapeData(message)}`;
  });
  const s = summarize(findings);
  const base = baseline ? `, ${baseline.preexisting} pre-existing at ${baseline.ref} left out` : '';
  lines.push(`apis lint: ${s.errors} errors, ${s.warnings} warnings, ${s.silenced} silenced${base}`);
  return lines.join('\n') + '\n';
}

import { colorizer, plural } from '../lib/output.ts';
import { summarize, type Finding } from './finding.ts';

export type LintFormat = 'stylish' | 'json';
export const LINT_FORMATS: LintFormat[] = ['stylish', 'json'];

export function formatFindings(format: LintFormat, findings: Finding[]): string {
  return format === 'json' ? formatJson(findings) : formatStylish(findings);
}

function formatJson(findings: Finding[]): string {
  const ordered = findings.map(({ rule, severity, message, file, line, column, pointer, silenced, reason }) => ({
    rule, severity, message, file, line, column, pointer, silenced, reason,
  }));
  return JSON.stringify({ findings: ordered, summary: summarize(findings) }, null, 2) + '\n';
}

function formatStylish(findings: Finding[]): string {
  const paint = colorizer();
  const lines: string[] = [];
  const byFile = new Map<string, Finding[]>();
  for (const f of findings) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
  for (const [file, group] of byFile) {
    lines.push(paint('underline', file));
    for (const f of group) {
      const severity = f.silenced ? paint('gray', 'silenced') : f.severity === 'error' ? paint('red', 'error') : paint('yellow', f.severity);
      const reason = f.silenced && f.reason ? paint('gray', ` (silenced: ${f.reason})`) : '';
      lines.push(`  ${`${f.line}:${f.column}`.padEnd(8)} ${severity.padEnd(7)}  ${paint('dim', f.rule)}  ${f.message}${reason}`);
    }
    lines.push('');
  }
  const s = summarize(findings);
  const total = s.errors + s.warnings;
  const tail = s.silenced > 0 ? `, ${s.silenced} silenced` : '';
  if (total === 0) lines.push(paint('green', `✔ no problems${tail}`));
  else lines.push(paint(s.errors > 0 ? 'red' : 'yellow', `✖ ${plural(total, 'problem')} (${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')})${tail}`));
  return lines.join('\n') + '\n';
}

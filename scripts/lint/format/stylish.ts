import { colorizer, plural } from '../../lib/output.ts';
import { summarize, type Finding } from '../finding.ts';
import { ruleDocPath, type LintReport } from './report.ts';

export function formatStylish({ findings, baseline }: LintReport): string {
  const paint = colorizer();
  const lines: string[] = [];
  const byFile = new Map<string, Finding[]>();
  for (const f of findings) {
    const group = byFile.get(f.file);
    if (group) group.push(f);
    else byFile.set(f.file, [f]);
  }
  for (const [file, group] of byFile) {
    lines.push(paint('underline', file));
    for (const f of group) {
      const severity = f.silenced ? paint('gray', 'silenced') : f.severity === 'error' ? paint('red', 'error') : paint('yellow', f.severity);
      const reason = f.silenced && f.reason ? paint('gray', ` (silenced: ${f.reason})`) : '';
      lines.push(`  ${`${f.line}:${f.column}`.padEnd(8)} ${severity.padEnd(8)}  ${paint('dim', f.rule)}  ${f.message}${reason}`);
    }
    lines.push('');
  }
  const s = summarize(findings);
  const total = s.errors + s.warnings;
  const tail = s.silenced > 0 ? `, ${s.silenced} silenced` : '';
  if (total === 0) lines.push(paint('green', `✔ no problems${tail}`));
  else
    lines.push(paint(s.errors > 0 ? 'red' : 'yellow', `✖ ${plural(total, 'problem')} (${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')})${tail}`));
  const pages = [...new Set(findings.map((f) => f.rule))].map(ruleDocPath).filter((p): p is string => p !== undefined);
  if (pages.length > 0) lines.push(paint('gray', `What each rule checks and why: ${pages.join(', ')}`));
  if (baseline) lines.push(paint('gray', `${plural(baseline.preexisting, 'finding')} that already existed at ${baseline.ref} left out`));
  return lines.join('\n') + '\n';
}

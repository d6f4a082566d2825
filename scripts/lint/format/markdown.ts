import { plural } from '../../lib/output.ts';
import { summarize, type Finding } from '../finding.ts';
import { ruleDocPath, type LintReport } from './report.ts';
import { MARK, markdownCell } from '../../lib/markdown.ts';

const cell = markdownCell;
const ruleLink = (rule: string) => {
  const doc = ruleDocPath(rule);
  return doc ? `[\`${rule}\`](${doc})` : `\`${rule}\``;
};
const location = (f: Finding) => `\`${f.file}:${f.line}\``;

/** For a pull-request comment: active findings as a table, silenced ones folded with their reasons. */
export function formatMarkdown({ findings, baseline }: LintReport): string {
  const s = summarize(findings);
  const active = findings.filter((f) => !f.silenced);
  const silenced = findings.filter((f) => f.silenced);
  const lines = ['### API lint', ''];
  const headline =
    s.errors + s.warnings === 0
      ? `${MARK.pass} No problems`
      : `${s.errors > 0 ? MARK.fail : MARK.warning} ${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}`;
  lines.push(
    `${headline}${s.silenced > 0 ? `, ${s.silenced} silenced` : ''}${baseline ? ` (${plural(baseline.preexisting, 'finding')} that already existed at \`${baseline.ref}\` left out)` : ''}.`,
    '',
  );
  if (active.length > 0) {
    lines.push('| | Rule | Where | Message |', '|---|---|---|---|');
    for (const f of active) lines.push(`| ${f.severity === 'error' ? MARK.fail : MARK.warning} | ${ruleLink(f.rule)} | ${location(f)} | ${cell(f.message)} |`);
    lines.push('');
  }
  if (silenced.length > 0) {
    lines.push(`<details><summary>${plural(silenced.length, 'silenced finding')}</summary>`, '', '| Rule | Where | Message | Reason |', '|---|---|---|---|');
    for (const f of silenced) lines.push(`| ${ruleLink(f.rule)} | ${location(f)} | ${cell(f.message)} | ${cell(f.reason ?? '')} |`);
    lines.push('', '</details>', '');
  }
  return lines.join('\n');
}

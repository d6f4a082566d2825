import { colorizer, plural } from '../../lib/output.ts';
import { summarizeChanges } from '../change.ts';
import { gateSummary, type DiffReport } from './report.ts';

export function formatDiffText({ title, changes }: DiffReport): string {
  const paint = colorizer();
  const lines = [title, ''];
  for (const c of changes) {
    const status =
      c.level === 'breaking' && c.status !== undefined
        ? ` (${c.status === 'unaccepted' ? 'not accepted' : c.status === 'accepted' ? 'accepted' : 'allowed after sunset'})`
        : '';
    const level =
      c.level === 'breaking'
        ? paint(c.status === 'accepted' || c.status === 'allowed' ? 'yellow' : 'red', `breaking${status}`)
        : c.level === 'warning'
          ? paint('yellow', 'warning')
          : paint('gray', 'info');
    lines.push(`${level}  ${c.operation ?? '(document)'}  ${paint('dim', c.id)}  ${c.message}  ${paint('gray', c.location)}`);
    if (c.status === 'accepted' && c.reason) lines.push(`    reason: ${c.reason}`);
  }
  const s = summarizeChanges(changes);
  const gate = gateSummary(changes);
  const judged = changes.some((c) => c.status !== undefined) && gate.accepted + gate.allowed > 0;
  if (changes.length === 0) lines.push(paint('green', 'no changes'));
  else {
    lines.push(
      '',
      `${plural(s.breaking, 'breaking change')}${judged ? ` (${gate.unaccepted} not accepted, ${gate.accepted} accepted, ${gate.allowed} allowed)` : ''}, ${plural(s.warning, 'warning')}, ${s.info} info`,
    );
    lines.push(paint('gray', 'What each change id means, and the ways through: rules/changes/<id>.md'));
  }
  return lines.join('\n') + '\n';
}

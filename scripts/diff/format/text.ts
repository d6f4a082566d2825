import { colorizer, plural } from '../../lib/output.ts';
import { summarizeChanges } from '../change.ts';
import type { DiffReport } from './index.ts';

export function formatDiffText({ title, changes }: DiffReport): string {
  const paint = colorizer();
  const lines = [title, ''];
  for (const c of changes) {
    const level = c.level === 'breaking' ? paint('red', 'breaking') : c.level === 'warning' ? paint('yellow', 'warning ') : paint('gray', 'info    ');
    lines.push(`${level}  ${c.operation ?? '(document)'}  ${paint('dim', c.id)}  ${c.message}  ${paint('gray', c.location)}`);
  }
  const s = summarizeChanges(changes);
  if (changes.length === 0) lines.push(paint('green', 'no changes'));
  else lines.push('', `${plural(s.breaking, 'breaking change')}, ${plural(s.warning, 'warning')}, ${s.info} info`);
  return lines.join('\n') + '\n';
}

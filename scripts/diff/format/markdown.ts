import { plural } from '../../lib/output.ts';
import { summarizeChanges, type Change, type Level } from '../change.ts';
import type { DiffReport } from './index.ts';

const ICON: Record<Level, string> = { breaking: '❌', warning: '⚠️', info: 'ℹ️' };
const RANK: Record<Level, number> = { breaking: 0, warning: 1, info: 2 };

/** Grouped by operation, operations with breaking changes first: the text of the PR comment and of `apis changelog`. */
export function formatDiffMarkdown({ title, changes }: DiffReport): string {
  const s = summarizeChanges(changes);
  const lines = [`### ${title}`, ''];
  if (changes.length === 0) return [...lines, 'No changes to the contract.', ''].join('\n');
  lines.push(`${s.breaking > 0 ? '❌' : '✅'} **${plural(s.breaking, 'breaking change')}**, ${plural(s.warning, 'warning')}, ${s.info} info.`, '');
  const groups = new Map<string, Change[]>();
  for (const c of changes) {
    const key = c.operation ?? 'The document';
    const group = groups.get(key);
    if (group) group.push(c);
    else groups.set(key, [c]);
  }
  const worst = (g: Change[]) => Math.min(...g.map((c) => RANK[c.level]));
  const ordered = [...groups.entries()].sort((a, b) => worst(a[1]) - worst(b[1]) || a[0].localeCompare(b[0]));
  for (const [operation, group] of ordered) {
    const top = (Object.keys(RANK) as Level[])[worst(group)];
    lines.push(`#### ${ICON[top]} \`${operation}\``, '');
    for (const c of [...group].sort((a, b) => RANK[a.level] - RANK[b.level])) lines.push(`- ${ICON[c.level]} **${c.level}** \`${c.id}\`: ${c.message.replace(/\n/g, ' ')} <sub>\`${c.location}\`</sub>`);
    lines.push('');
  }
  return lines.join('\n');
}

import { MARK } from '../../lib/markdown.ts';
import { plural } from '../../lib/output.ts';
import { changePagePath } from '../catalogue.ts';
import { summarizeChanges, type Change, type Level } from '../change.ts';
import { gateSummary, type DiffReport } from './report.ts';

const ICON: Record<Level, string> = { breaking: MARK.fail, warning: MARK.warning, info: MARK.info };
/** A breaking change the gate lets through: accepted with a reason, or removed after its sunset. */
const PASSED = MARK.passedBreaking;
const RANK: Record<Level, number> = { breaking: 0, warning: 1, info: 2 };

const iconOf = (c: Change) => (c.level === 'breaking' && c.status !== undefined && c.status !== 'unaccepted' ? PASSED : ICON[c.level]);
const labelOf = (c: Change) =>
  c.level !== 'breaking' || c.status === undefined
    ? c.level
    : c.status === 'unaccepted'
      ? 'breaking, not accepted'
      : c.status === 'accepted'
        ? 'breaking, accepted'
        : 'breaking, allowed after its sunset';

/** Grouped by operation, operations with unaccepted breaking changes first: the PR comment, `apis changelog` and the docs site. */
export function formatDiffMarkdown({ title, changes, link = changePagePath }: DiffReport): string {
  const s = summarizeChanges(changes);
  const gate = gateSummary(changes);
  const lines = [`### ${title}`, ''];
  if (changes.length === 0) return [...lines, 'No changes to the contract.', ''].join('\n');
  const judged = changes.some((c) => c.status !== undefined);
  const passed = gate.accepted + gate.allowed;
  const verdict = s.breaking === 0 ? MARK.pass : judged && gate.unaccepted === 0 ? PASSED : MARK.fail;
  const detail =
    judged && passed > 0
      ? ` (${[gate.unaccepted > 0 ? `${gate.unaccepted} not accepted` : '', gate.accepted > 0 ? `${gate.accepted} accepted` : '', gate.allowed > 0 ? `${gate.allowed} allowed after sunset` : ''].filter(Boolean).join(', ')})`
      : '';
  lines.push(`${verdict} **${plural(s.breaking, 'breaking change')}**${detail}, ${plural(s.warning, 'warning')}, ${s.info} info.`, '');
  const groups = new Map<string, Change[]>();
  for (const c of changes) {
    const key = c.operation ?? 'The document';
    const group = groups.get(key);
    if (group) group.push(c);
    else groups.set(key, [c]);
  }
  // Unaccepted breaking changes first, then accepted ones, then warnings and info.
  const rank = (c: Change) => RANK[c.level] * 2 + (c.level === 'breaking' && c.status !== undefined && c.status !== 'unaccepted' ? 1 : 0);
  const worst = (g: Change[]) => Math.min(...g.map(rank));
  const ordered = [...groups.entries()].sort((a, b) => worst(a[1]) - worst(b[1]) || a[0].localeCompare(b[0]));
  for (const [operation, group] of ordered) {
    const sorted = [...group].sort((a, b) => rank(a) - rank(b));
    lines.push(`#### ${iconOf(sorted[0])} \`${operation}\``, '');
    for (const c of sorted) {
      const reason = c.status === 'accepted' && c.reason ? ` Reason: ${c.reason.replace(/\n/g, ' ')}` : '';
      lines.push(`- ${iconOf(c)} **${labelOf(c)}** [\`${c.id}\`](${link(c.id)}): ${c.message.replace(/\n/g, ' ')} <sub>\`${c.location}\`</sub>${reason}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

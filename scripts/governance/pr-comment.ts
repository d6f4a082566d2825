/**
 * The one pull-request comment: created once, updated on every push (found again by MARKER),
 * listing every check in a fixed order with the command that reproduces a failure locally.
 */
import { MARK, markdownCell } from '../lib/markdown.ts';
export const MARKER = '<!-- apis:pr-comment -->';

export const CHECK_ORDER = ['branch policy', 'lint', 'breaking changes', 'generated files', 'tests', 'docs preview'] as const;
export type CheckName = (typeof CHECK_ORDER)[number];

export interface CommentCheck {
  name: CheckName;
  /** null: did not run (skipped, or its job was cancelled). */
  ok: boolean | null;
  summary: string;
  reproduce?: string;
}

export interface SilencedFinding {
  rule: string;
  file: string;
  line: number;
  message: string;
  reason: string;
}

export interface CommentInput {
  checks: CommentCheck[];
  /** Markdown of `apis changelog` per affected domain. */
  changes: string[];
  silenced: SilencedFinding[];
  docsPreviewUrl?: string;
}

const cell = markdownCell;

export function buildPrComment({ checks, changes, silenced, docsPreviewUrl }: CommentInput): string {
  const byName = new Map(checks.map((c) => [c.name, c]));
  const ordered: CommentCheck[] = CHECK_ORDER.map((name) => byName.get(name) ?? { name, ok: null, summary: 'did not run' });
  const failed = ordered.filter((c) => c.ok === false);
  const lines = [MARKER, '## API review', ''];
  lines.push(failed.length === 0 ? `${MARK.pass} All checks passed.` : `${MARK.fail} ${failed.length} of ${ordered.length} checks failed.`, '');
  lines.push('| Check | Result | Details |', '|---|---|---|');
  for (const c of ordered)
    lines.push(`| ${c.name} | ${c.ok === null ? `${MARK.skipped} skipped` : c.ok ? `${MARK.pass} pass` : `${MARK.fail} fail`} | ${cell(c.summary)} |`);
  lines.push('');
  if (failed.length > 0) {
    lines.push('### Reproduce locally', '');
    for (const c of failed) lines.push(`- **${c.name}**: \`${c.reproduce ?? 'npx apis check'}\``);
    lines.push('');
  }
  lines.push('### Contract changes', '');
  lines.push(...(changes.length > 0 ? changes.map((c) => c.replace(/^### /m, '#### ')) : ['No contract changes.', '']));
  if (silenced.length > 0) {
    lines.push(`### Silenced findings (${silenced.length})`, '', '| Rule | Where | Reason |', '|---|---|---|');
    for (const f of silenced) lines.push(`| \`${f.rule}\` | \`${f.file}:${f.line}\` | ${cell(f.reason)} |`);
    lines.push('');
  }
  lines.push(docsPreviewUrl ? `${MARK.docs} [Docs preview](${docsPreviewUrl})` : `${MARK.docs} Docs preview: not published for this run.`, '');
  return lines.join('\n');
}

/** Several results for one check (e.g. one per domain of the CI matrix) become one row. */
export function mergeChecks(checks: CommentCheck[]): CommentCheck[] {
  const names = [...new Set(checks.map((c) => c.name))];
  return names.map((name) => {
    const group = checks.filter((c) => c.name === name);
    const ran = group.filter((c) => c.ok !== null);
    const failing = group.filter((c) => c.ok === false);
    const reproduce = [...new Set(failing.map((c) => c.reproduce).filter((r): r is string => Boolean(r)))].join(' && ');
    return {
      name,
      ok: ran.length === 0 ? null : failing.length === 0,
      summary: group.map((c) => c.summary).join('; '),
      ...(failing.length > 0 ? { reproduce: reproduce || undefined } : group[0].reproduce ? { reproduce: group[0].reproduce } : {}),
    };
  });
}

import { CATALOGUE, changePagePath } from '../diff/catalogue.ts';
import { summarizeChanges } from '../diff/change.ts';
import { diffDocuments } from '../diff/compare-document.ts';
import { formatDiff, type DiffFormat } from '../diff/format/index.ts';
import { loadSide } from '../diff/load.ts';
import { evaluateGate } from '../diff/policy.ts';
import { UserError } from '../lib/errors.ts';
import { markdownCell } from '../lib/markdown.ts';

/**
 * `apis diff <base> <head>`: every change, breaking ones with their gate status (accepted, allowed,
 * not accepted); exit 0 without breaking changes, 1 with, 2 (thrown) when they cannot be compared.
 * `apis diff --list-changes`: the change catalogue.
 */
export async function diffCommand(
  baseArg: string | undefined,
  headArg: string | undefined,
  options: { format: DiffFormat; listChanges?: boolean },
): Promise<number> {
  if (options.listChanges) {
    process.stdout.write(listChanges(options.format));
    return 0;
  }
  if (baseArg === undefined || headArg === undefined) throw new UserError('apis diff needs a base and a head (files, or <git-ref>:<path>), or --list-changes');
  const base = await loadSide(baseArg);
  const head = await loadSide(headArg);
  if (!base.document && !head.document) throw new UserError(`neither ${baseArg} nor ${headArg} exists: nothing to compare`);
  const gate = evaluateGate(base.document, head.document, diffDocuments(base.document, head.document));
  process.stdout.write(formatDiff(options.format, { title: `API changes: ${base.label} → ${head.label}`, changes: gate.changes }));
  return summarizeChanges(gate.changes).breaking > 0 ? 1 : 0;
}

function listChanges(format: DiffFormat): string {
  if (format === 'json')
    return (
      JSON.stringify({ changes: CATALOGUE.map(({ id, side, level, title }) => ({ id, side, level, description: title, doc: changePagePath(id) })) }, null, 2) +
      '\n'
    );
  if (format === 'markdown') {
    return (
      [
        '| Change | Level | Side | What |',
        '|---|---|---|---|',
        ...CATALOGUE.map((e) => `| [\`${e.id}\`](${changePagePath(e.id)}) | ${e.level} | ${e.side} | ${markdownCell(e.title)} |`),
      ].join('\n') + '\n'
    );
  }
  const width = Math.max(...CATALOGUE.map((e) => e.id.length));
  return CATALOGUE.map((e) => `${e.id.padEnd(width)}  ${e.level.padEnd(8)}  ${e.side.padEnd(8)}  ${e.title}`).join('\n') + '\n';
}

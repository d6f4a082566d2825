import { summarizeChanges } from '../diff/change.ts';
import { diffDocuments } from '../diff/compare-document.ts';
import { formatDiff, type DiffFormat } from '../diff/format/index.ts';
import { loadSide } from '../diff/load.ts';
import { UserError } from '../lib/errors.ts';

/** `apis diff <base> <head>`: exit 0 without breaking changes, 1 with, 2 (thrown) when they cannot be compared. */
export async function diffCommand(baseArg: string, headArg: string, options: { format: DiffFormat }): Promise<number> {
  const base = await loadSide(baseArg);
  const head = await loadSide(headArg);
  if (!base.document && !head.document) throw new UserError(`neither ${baseArg} nor ${headArg} exists: nothing to compare`);
  const changes = diffDocuments(base.document, head.document);
  process.stdout.write(formatDiff(options.format, { title: `API changes: ${base.label} → ${head.label}`, changes }));
  return summarizeChanges(changes).breaking > 0 ? 1 : 0;
}

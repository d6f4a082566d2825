/**
 * The pages of the change catalogue, rules/changes/<id>.md and its index, rendered from the
 * registry. `npm run changes:pages` writes them; a test fails when a page is missing or stale.
 */
import { CATALOGUE, changePagePath, type ChangeKind } from './catalogue.ts';
import { EXAMPLES } from './catalogue-examples.ts';
import { pageWays } from './ways.ts';
import { markdownCell } from '../lib/markdown.ts';

const SIDES: Record<ChangeKind['side'], string> = {
  request: 'request side: what the API receives (requests, and partners’ answers to webhooks)',
  response: 'response side: what the API sends (responses, and webhook and callback payloads)',
  both: 'the operation as a whole',
  document: 'the document as a whole',
};

export function exampleOf(entry: ChangeKind): [string, string] | undefined {
  return entry.example ?? EXAMPLES[entry.id];
}

export function renderChangePage(entry: ChangeKind): string {
  const example = exampleOf(entry);
  const lines = [
    `# \`${entry.id}\``,
    '',
    `**${entry.level}** · ${SIDES[entry.side]} · [all change kinds](README.md)`,
    '',
    '## What',
    '',
    entry.title,
    '',
    '## Why',
    '',
    entry.why,
    '',
    '## Example',
    '',
  ];
  if (example) lines.push('Before:', '', '```yaml', example[0], '```', '', 'After:', '', '```yaml', example[1], '```', '');
  lines.push('## Ways through', '', ...pageWays(entry), '');
  if (entry.aliases && entry.aliases.length > 0)
    lines.push(`Reported as ${entry.aliases.map((a) => `\`${a}\``).join(', ')} before; acceptances naming that id still match.`, '');
  return lines.join('\n');
}

export function renderCatalogueIndex(): string {
  const lines = [
    '# Change catalogue',
    '',
    'Every kind of change `apis diff` reports, with its level. The gate (`apis check --base`) fails on',
    '**breaking** changes that are not accepted; **warnings** are for a reviewer to judge; **info** is for the',
    'changelog. Generated from `scripts/diff/catalogue.ts` by `npm run changes:pages`; `npx apis diff',
    '--list-changes` prints the same list.',
    '',
    '| Change | Level | Side | What |',
    '|---|---|---|---|',
  ];
  for (const e of CATALOGUE) lines.push(`| [\`${e.id}\`](${e.id}.md) | ${e.level} | ${e.side} | ${markdownCell(e.title)} |`);
  return lines.join('\n') + '\n';
}

/** Every page, by path relative to the repository root. */
export function cataloguePages(): Map<string, string> {
  const pages = new Map<string, string>([['rules/changes/README.md', renderCatalogueIndex()]]);
  for (const entry of CATALOGUE) pages.set(changePagePath(entry.id), renderChangePage(entry));
  return pages;
}

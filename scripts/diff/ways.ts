/**
 * The ways through a breaking change, said the same way on its catalogue page and in the gate's
 * report: the compatible alternative, retiring with notice, and accepting it explicitly.
 */
import { stringify } from 'yaml';
import type { ChangeKind } from './catalogue.ts';
import { parseVersion } from './policy.ts';

/**
 * The YAML block a designer pastes into the head spec to accept changes, change and operation filled
 * in. The reason is left empty (the gate refuses it as it is) with a comment saying what it needs.
 */
export function acceptanceYaml(changes: Array<{ id: string; operation: string | null }>): string {
  const seen = new Set<string>();
  const entries = changes
    .filter((c) => {
      const key = `${c.id}\u0000${c.operation}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map((c) => ({ change: c.id, ...(c.operation === null ? {} : { operation: c.operation }), reason: '' }));
  return stringify({ 'x-accepted-breaking-changes': entries }, { lineWidth: 0 })
    .trimEnd()
    .replace(/reason: ""$/gm, 'reason: ""  # why no client can be affected, for the code owners to approve');
}

/** The smallest version a major bump from `version` leads to, or a description when it is not semver. */
export function nextMajor(version: string): string {
  const v = parseVersion(version);
  return v ? `${v[0] + 1}.0.0` : 'the next major version';
}

/** The ways through, for a catalogue page (generic wording, markdown). */
export function pageWays(entry: ChangeKind): string[] {
  if (entry.level === 'info') return ['Nothing to do: the change is reported so that reviewers and changelog readers see it.'];
  if (entry.level === 'warning') {
    return [
      'Warnings do not fail the gate: they are changes whose effect depends on how clients use the contract. Read the change with that in mind.',
      'If it does break a client you know of, treat it like a breaking change: add rather than change, or give clients time to move.',
    ];
  }
  const ways = [`1. **Add, don't change.** ${entry.instead ?? NEW_PATH}`];
  if (entry.id !== 'operation-removed') ways.push(`2. **Version it.** ${NEW_PATH}`);
  ways.push(
    `${ways.length + 1}. **Accept it explicitly**, when you know no client is affected: say why in the head spec, have the domain's code owners approve it, and bump \`info.version\` to the next major. \`apis check --base\` prints this block with the operation filled in:`,
    '',
    '   ```yaml',
    ...acceptanceYaml([{ id: entry.id, operation: entry.side === 'document' ? null : 'GET /v1/example' }])
      .split('\n')
      .map((l) => `   ${l}`),
    '   ```',
  );
  return ways;
}

const NEW_PATH =
  'Put the new behaviour under a new path version (`/v2/…`) beside the old operation, which stays as it is; adding operations needs only a minor version bump.';

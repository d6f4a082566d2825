/**
 * The order test files start in, for a fresh clone: longest first by test/durations.json (seconds,
 * from a previous run), so the two workers finish together instead of one running a 40-second file
 * at the end while the other waits. Vitest orders by its own cache of durations, which a fresh
 * clone (CI) does not have; it then falls back to file size, which says little about time.
 * Files not in the list (new ones) start first. Refresh the list with `npm run test:durations`.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const ROOT = join(import.meta.dirname, '..');
const durations = JSON.parse(readFileSync(join(ROOT, 'test', 'durations.json'), 'utf8')) as Record<string, number>;

export class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const seconds = (spec: TestSpecification) => durations[relative(ROOT, spec.moduleId).split('\\').join('/')] ?? Number.POSITIVE_INFINITY;
    // Projects stay apart, as vitest keeps them; within each, longest first.
    return [...files].sort((a, b) => (a.project.name === b.project.name ? seconds(b) - seconds(a) : a.project.name < b.project.name ? -1 : 1));
  }
}

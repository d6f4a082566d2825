/**
 * `npm run test:durations`: runs the suite with vitest's JSON reporter and writes each file's wall
 * time to test/durations.json, which test/sequencer.ts reads to start the longest files first.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const root = join(import.meta.dirname, '..');
const report = join(mkdtempSync(join(tmpdir(), 'apis-durations-')), 'report.json');
try {
  execFileSync(join(root, 'node_modules', '.bin', 'vitest'), ['run', '--reporter=json', `--outputFile=${report}`], { cwd: root, stdio: 'inherit' });
} catch {
  // A failing test still has a duration; the report is written either way.
}
const results = JSON.parse(readFileSync(report, 'utf8')) as { testResults: Array<{ name: string; startTime: number; endTime: number }> };
const durations = Object.fromEntries(
  results.testResults
    .map((r) => [relative(root, r.name).split('\\').join('/'), Math.round((r.endTime - r.startTime) / 100) / 10] as const)
    .sort(([a], [b]) => (a < b ? -1 : 1)),
);
writeFileSync(join(root, 'test', 'durations.json'), `${JSON.stringify(durations, null, 2)}\n`);
console.log(`test/durations.json: ${Object.keys(durations).length} files`);

import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Every temporary folder of a test run (repositories, clones, clusters, browser profiles) lives in
 * one folder that is removed when the run ends: a run creates about 1,500 of them, and left in /tmp
 * they slowed every later run down. Workers and the processes they start inherit TMPDIR.
 */
export default function setup(): () => void {
  const previous = process.env.TMPDIR;
  const dir = mkdtempSync(join(tmpdir(), 'apis-test-run-'));
  // Traversable by the postgres user the PostgreSQL tests run their cluster as.
  chmodSync(dir, 0o755);
  process.env.TMPDIR = dir;
  return () => {
    rmSync(dir, { recursive: true, force: true });
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
  };
}

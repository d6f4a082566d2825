import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Every temporary folder of a test run (repositories, clones, clusters, browser profiles) lives in
 * one folder that is removed when the run ends: a run creates about 1,500 of them, and left in /tmp
 * they slowed every later run down. Workers and the processes they start inherit TMPDIR.
 */
export default function setup(): () => void {
  // Vitest runs the global setup once per project too: one folder for the whole run. (Nesting would
  // also make socket paths, Chromium's and PostgreSQL's, longer than Unix allows.)
  if (process.env.APIS_TEST_RUN_DIR) return () => undefined;
  const previous = process.env.TMPDIR;
  const dir = mkdtempSync(join(tmpdir(), 'apis-run-'));
  process.env.APIS_TEST_RUN_DIR = dir;
  // Traversable by the postgres user the PostgreSQL tests run their cluster as.
  chmodSync(dir, 0o755);
  process.env.TMPDIR = dir;
  return () => {
    rmSync(dir, { recursive: true, force: true });
    delete process.env.APIS_TEST_RUN_DIR;
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
  };
}

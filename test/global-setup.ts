import { accessSync, chmodSync, constants, mkdtempSync, rmSync, statfsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Where the run's folder goes: APIS_TEST_TMP when set, else the machine's tmpfs when it has one with
 * room (the end-to-end files write thousands of repositories, clones and builds, and ran a fifth
 * faster in memory on CI's 2-core machine: 27–30 s against 35–37 s for two of them), else the
 * system's temporary folder.
 */
function runParent(): string {
  if (process.env.APIS_TEST_TMP) return process.env.APIS_TEST_TMP;
  try {
    const { bavail, bsize } = statfsSync('/dev/shm');
    accessSync('/dev/shm', constants.W_OK);
    if (bavail * bsize >= 4 * 1024 ** 3) return '/dev/shm';
  } catch {
    // no tmpfs there: the system's folder
  }
  return tmpdir();
}

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
  const dir = mkdtempSync(join(runParent(), 'apis-run-'));
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

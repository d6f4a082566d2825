import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Where the toolchain keeps what it learns about an installed package across runs (recheck's
 * verdicts, TypeScript's compiled code): node_modules/.cache/apis/<package>-<version><suffix>, where
 * build tools keep theirs, so a new version starts a new file and `npm ci` starts afresh. Undefined
 * when the package cannot be found from `from` (a file URL or path).
 */
export function packageCacheFile(packageName: string, from: string, suffix: string): string | undefined {
  try {
    const manifest = createRequire(from).resolve(`${packageName}/package.json`);
    const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
    return join(dirname(manifest), '..', '.cache', 'apis', `${packageName}-${version}${suffix}`);
  } catch {
    return undefined;
  }
}

/**
 * Writes a cache file whole or not at all (a temporary file renamed over it), synchronously, for
 * process exit; returns whether it did. A failure (a read-only node_modules) only costs the next run its time.
 */
export function saveCacheFile(file: string, content: string | Uint8Array): boolean {
  const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(temp, content);
    renameSync(temp, file);
    return true;
  } catch {
    rmSync(temp, { force: true });
    return false;
  }
}

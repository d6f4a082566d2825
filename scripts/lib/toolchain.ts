import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder holding the toolchain's package.json, found by walking up from this module, so files
 * next to the sources (templates) are found both from scripts/ and from the compiled scripts/dist/.
 */
export function toolchainRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'scripts', 'templates'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the toolchain folder');
    dir = parent;
  }
  return dir;
}

/** The toolchain's own version (its package.json), for `apis --version` and SARIF. */
export function toolchainVersion(): string {
  return String(JSON.parse(readFileSync(join(toolchainRoot(), 'package.json'), 'utf8')).version ?? '0.0.0');
}

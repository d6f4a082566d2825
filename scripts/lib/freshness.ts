import { existsSync, statSync } from 'node:fs';

/**
 * Whether a build output is at least as new as every source it is built from (a missing output is
 * stale). scripts/bin/apis.js keeps its own copy of this check: it runs before any TypeScript can load.
 */
export function isFresh(output: string, sources: string[]): boolean {
  if (!existsSync(output)) return false;
  const built = statSync(output).mtimeMs;
  return sources.every((source) => !existsSync(source) || statSync(source).mtimeMs <= built);
}

/** Size and modification time of a file: what tells a rewritten file from the one a cache was made for. */
export function fileStamp(path: string): string {
  const { size, mtimeMs } = statSync(path);
  return `${size}:${mtimeMs}`;
}

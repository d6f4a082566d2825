import { createRequire } from 'node:module';
import type { checkSync as CheckSync } from 'recheck';

/**
 * recheck for the compiled CLI (scripts/build.ts maps `import … from 'recheck'` here): its 2.9 MB
 * script took 0.2 s to compile on every lint, though the pattern-redos rule asks it only about
 * patterns missing from its verdict cache. Loaded on the first such question instead.
 */
let recheck: { checkSync: typeof CheckSync } | undefined;

export const checkSync: typeof CheckSync = (...args) => {
  recheck ??= createRequire(import.meta.url)('recheck') as { checkSync: typeof CheckSync };
  return recheck.checkSync(...args);
};

import { readFileSync } from 'node:fs';
import { packageCacheFile, saveCacheFile } from '../../scripts/lib/tool-cache.ts';

/**
 * Verdicts of a slow, deterministic check (recheck costs 10–300 ms per pattern, and the same few
 * patterns come back in every spec, on every lint, on the base of every `check --base`), kept
 * across runs in node_modules/.cache/apis/, where build tools keep theirs. The key includes the
 * checker's version; a file that does not parse is ignored. Patterns come from specs: they are only
 * ever map keys here, and the file stops growing at MAX_ENTRIES.
 */
const MAX_ENTRIES = 10_000;

export interface VerdictCache {
  get(key: string): string | null | undefined;
  /** `null` records "no problem"; only deterministic verdicts belong here. */
  set(key: string, verdict: string | null): void;
  /** Writes the file (atomically) when something was added; called once when the process exits. */
  save(): void;
}

export function verdictCache(file: string | undefined): VerdictCache {
  const entries = new Map<string, string | null>();
  try {
    if (file === undefined) throw new Error('in memory only');
    const stored: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (stored && typeof stored === 'object' && !Array.isArray(stored))
      for (const [key, value] of Object.entries(stored)) if (typeof value === 'string' || value === null) entries.set(key, value);
  } catch {
    // missing or damaged: start empty
  }
  let dirty = false;
  return {
    get: (key) => entries.get(key),
    set(key, verdict) {
      if (entries.size >= MAX_ENTRIES || entries.get(key) === verdict) return;
      entries.set(key, verdict);
      dirty = true;
    },
    save() {
      if (!dirty || file === undefined) return;
      if (saveCacheFile(file, JSON.stringify(Object.fromEntries(entries)))) dirty = false;
    },
  };
}

/**
 * The cache for verdicts of `packageName` (at its installed version), saved when the process exits.
 * `from` is a function because plain Spectral evaluates the bundled ruleset where `import.meta` is
 * not defined: there the cache lives in memory only.
 */
export function packageVerdictCache(packageName: string, from: () => string): VerdictCache {
  let file: string | undefined;
  try {
    file = packageCacheFile(packageName, from(), '.json');
  } catch {
    file = undefined; // from() throws where import.meta is not defined
  }
  const cache = verdictCache(file);
  if (file) process.once('exit', () => cache.save());
  return cache;
}

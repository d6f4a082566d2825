import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Script } from 'node:vm';
import { fileStamp } from './freshness.ts';
import { saveCacheFile } from './tool-cache.ts';

export interface CachedModule<T> {
  exports: T;
  /** Whether V8 compiled it from `cacheFile` (false without one, or when V8 refused it). */
  fromCache: boolean;
  /** Writes the cache (atomically) when it was missing or refused; best made late, when it also holds the functions the run compiled. */
  save(): void;
}

/**
 * Requires one large CommonJS file through V8's code cache kept in `cacheFile`. Node 22 caches every
 * module (module.enableCompileCache); Node 20 has nothing built in, and v8-compile-cache hooks every
 * require and keeps its cache in the OS temp folder. V8 refuses a cache made by another V8, but
 * of the source it only compares the length: the cache starts with the file's size and time, and
 * one made for another file is not handed to V8 at all. A refused cache is written again by `save`.
 */
export function requireWithCodeCache<T>(file: string, cacheFile: string): CachedModule<T> {
  const stamp = Buffer.from(`${fileStamp(file)}\n`);
  let cachedData: Buffer | undefined;
  try {
    const stored = readFileSync(cacheFile);
    if (stored.subarray(0, stamp.length).equals(stamp)) cachedData = stored.subarray(stamp.length);
  } catch {
    // no cache yet
  }
  const source = readFileSync(file, 'utf8');
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file, cachedData });
  const module = { exports: {} as T };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
  const fromCache = cachedData !== undefined && script.cachedDataRejected === false;
  return {
    exports: module.exports,
    fromCache,
    save() {
      if (!fromCache) saveCacheFile(cacheFile, Buffer.concat([stamp, script.createCachedData()]));
    },
  };
}

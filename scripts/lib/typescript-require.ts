import { createRequire } from 'node:module';
import { requireWithCodeCache } from './code-cache.ts';
import { packageCacheFile } from './tool-cache.ts';

/**
 * TypeScript for the compiled CLI (scripts/build.ts maps `import ts from 'typescript'` here, for
 * openapi-typescript too). Imported as an ES module, Node scans its 9 MB CommonJS file twice (ES
 * syntax detection, then export names) before running it; required, it is just run, and compiled
 * from V8's code cache: compiling it took a quarter of a second of every `apis generate`, a tenth
 * with the cache. The cache sits beside recheck's verdicts in node_modules/.cache/apis/, one file
 * per TypeScript and Node version, and is saved at exit, holding the functions generation used.
 */
const file = createRequire(import.meta.url).resolve('typescript');
const cacheFile = packageCacheFile('typescript', import.meta.url, `-node-${process.version}-${process.arch}.v8`);
const loaded = cacheFile
  ? requireWithCodeCache<typeof import('typescript')>(file, cacheFile)
  : { exports: createRequire(import.meta.url)('typescript') as typeof import('typescript'), save: () => undefined };
process.once('exit', () => loaded.save());

const ts = loaded.exports;
export default ts;

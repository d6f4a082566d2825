import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { requireWithCodeCache } from './code-cache.ts';

/**
 * TypeScript for the compiled CLI (scripts/build.ts maps `import ts from 'typescript'` here, for
 * openapi-typescript too). Imported as an ES module, Node scans its 9 MB CommonJS file twice (ES
 * syntax detection, then export names) before running it; required, it is just run, and compiled
 * from V8's code cache: compiling it took a quarter of a second of every `apis generate`, a tenth
 * with the cache. The cache sits beside recheck's verdicts in node_modules/.cache/apis/, one file
 * per TypeScript and Node version, and is saved at exit, holding the functions generation used.
 */
const require = createRequire(import.meta.url);
const file = require.resolve('typescript');
const { version } = require('typescript/package.json') as { version: string };
const loaded = requireWithCodeCache<typeof import('typescript')>(
  file,
  join(dirname(file), '..', '..', '.cache', 'apis', `typescript-${version}-node-${process.version}-${process.arch}.v8`),
);
process.once('exit', () => loaded.save());

const ts = loaded.exports;
export default ts;

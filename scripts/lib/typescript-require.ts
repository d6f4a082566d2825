import { createRequire } from 'node:module';

/**
 * TypeScript for the compiled CLI (scripts/build.ts maps `import ts from 'typescript'` here):
 * imported as an ES module, Node scans its 9 MB CommonJS file twice (ES syntax detection, then
 * export names) before running it, half a second of every `apis generate`; required, it is just run.
 */
const ts: typeof import('typescript') = createRequire(import.meta.url)('typescript');
export default ts;

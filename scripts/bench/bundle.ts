/**
 * `npm run bench:bundle`: what a web app ships for the generated payments package, measured with
 * esbuild (minified, browser, ES module, tree-shaken), beside openapi-fetch alone in the same run:
 *  - the client alone (resilience, pagination, no React Query, no MSW): what #18 promised not to grow;
 *  - the client with the React Query helpers (React and TanStack Query left out: the app has them);
 *  - the MSW handlers, for test bundles (MSW left out).
 */
import { build } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT } from './measure.ts';

const PAYMENTS = join(ROOT, 'generated', 'payments');

const entries: Array<{ label: string; code: string; external?: string[] }> = [
  { label: 'openapi-fetch alone (createClient)', code: `import createClient from 'openapi-fetch';\nglobalThis.api = createClient({ baseUrl: 'https://x' });` },
  {
    label: 'payments client (createPaymentsClient)',
    code: `import { createPaymentsClient } from '${PAYMENTS}/client.js';\nglobalThis.api = createPaymentsClient({ baseUrl: 'https://x' });`,
  },
  {
    label: 'payments client + React Query helpers',
    code: `import { createPaymentsClient } from '${PAYMENTS}/client.js';\nimport { createPaymentsQueries } from '${PAYMENTS}/react-query.js';\nglobalThis.api = createPaymentsQueries(createPaymentsClient({ baseUrl: 'https://x' }));`,
    external: ['react', '@tanstack/react-query'],
  },
  {
    label: 'payments MSW handlers (test bundles)',
    code: `import { paymentsHandlers } from '${PAYMENTS}/msw.js';\nglobalThis.handlers = paymentsHandlers({ baseUrl: 'https://x' });`,
    external: ['msw'],
  },
];

const dir = mkdtempSync(join(tmpdir(), 'apis-bench-bundle-'));
try {
  console.log(`esbuild, minified, browser ESM, ${new Date().toISOString().slice(0, 10)}`);
  for (const entry of entries) {
    const file = join(dir, 'entry.js');
    writeFileSync(file, entry.code);
    const result = await build({
      entryPoints: [file],
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'browser',
      write: false,
      nodePaths: [join(ROOT, 'node_modules')],
      external: entry.external ?? [],
      logLevel: 'error',
    });
    const bytes = result.outputFiles[0].contents;
    console.log(`  ${entry.label.padEnd(42)} ${String(bytes.length).padStart(8)} B  ${String(gzipSync(bytes, { level: 9 }).length).padStart(7)} B gzip`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

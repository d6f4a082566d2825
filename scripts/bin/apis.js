#!/usr/bin/env node
// Entry point of `npx apis`. Runs the compiled CLI (scripts/dist/, built by `npm ci`) when it is
// newer than every TypeScript source, else the sources themselves through tsx, so an edit is never
// shadowed by a stale build.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

process.env.SCARF_ANALYTICS ??= 'false';
process.env.REDOCLY_TELEMETRY ??= 'off';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const compiled = join(root, 'scripts', 'dist', 'cli.js');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    // Only what the CLI is built from counts: not tests, benchmarks or the build script itself.
    if (['dist', 'node_modules', 'test', 'bench', 'build.ts'].includes(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts') || entry.name.endsWith('.yaml')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

const fresh = existsSync(compiled) && statSync(compiled).mtimeMs >= Math.max(newestSource(join(root, 'scripts')), newestSource(join(root, 'rules')));
let cli;
if (fresh) {
  cli = await import(pathToFileURL(compiled).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  cli = await import('../cli.ts');
}
process.exitCode = await cli.main(process.argv);

/**
 * `npm run bench:docs`: `apis docs` on a repository with 20 refs × 3 domains, from scratch and after
 * one ref changed (incremental), next to `redocly build-docs` (one HTML file per domain) for one ref;
 * then the time until Swagger UI has rendered the operations of the largest domain in headless
 * Chromium. Targets: incremental rebuild ≤ 1 s; render ≤ 1.5 s.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serveSite } from '../docs/serve.ts';
import { BIN, ROOT, benchEnv, machine, measure, median, table } from './measure.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const REFS = 20;
const APIS = join(ROOT, 'scripts', 'bin', 'apis.js');

function gitIn(dir: string, ...args: string[]): void {
  execFileSync('git', args, {
    cwd: dir,
    env: { ...benchEnv, GIT_AUTHOR_NAME: 'b', GIT_AUTHOR_EMAIL: 'b@example.org', GIT_COMMITTER_NAME: 'b', GIT_COMMITTER_EMAIL: 'b@example.org' },
    stdio: 'ignore',
  });
}

/** master plus 19 branches, each changing the payments summary: 20 refs whose specs all differ. */
function benchRepo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'apis-bench-docs-'));
  cpSync(join(ROOT, 'specs'), join(dir, 'specs'), { recursive: true });
  writeFileSync(join(dir, 'CODEOWNERS'), '* @acme/api-guild\n');
  gitIn(dir, 'init', '-q', '-b', 'master');
  gitIn(dir, 'add', '-A');
  gitIn(dir, 'commit', '-qm', 'master');
  const spec = join(dir, 'specs', 'payments.yaml');
  const original = readFileSync(spec, 'utf8');
  for (let i = 1; i < REFS; i++) {
    gitIn(dir, 'checkout', '-q', '-b', `feature/change-${i}`, 'master');
    writeFileSync(spec, original.replace('summary: List payments', `summary: List payments (${i})`));
    gitIn(dir, 'commit', '-qam', `change ${i}`);
  }
  gitIn(dir, 'checkout', '-q', 'master');
  return dir;
}

const dir = benchRepo();
const out = join(dir, 'site');
console.log(`bench:docs (${machine()}): ${REFS} refs × 3 domains, medians of ${RUNS} runs`);

const scratch: number[] = [];
const incremental: number[] = [];
for (let run = 0; run < RUNS; run++) {
  rmSync(out, { recursive: true, force: true });
  const full = measure(process.execPath, [APIS, 'docs', '--out', out], dir);
  if (full.exitCode !== 0) throw new Error(`apis docs failed:\n${full.stdout}`);
  scratch.push(full.wallSeconds);
  // One ref gets a new commit that changes its spec; the other 19 are untouched.
  gitIn(dir, 'checkout', '-q', 'feature/change-1');
  const spec = join(dir, 'specs', 'payments.yaml');
  writeFileSync(spec, readFileSync(spec, 'utf8').replace(/summary: List payments \(1[^)]*\)/, `summary: List payments (1, run ${run})`));
  gitIn(dir, 'commit', '-qam', `run ${run}`);
  gitIn(dir, 'checkout', '-q', 'master');
  const again = measure(process.execPath, [APIS, 'docs', '--out', out], dir);
  if (!/1 ref built, 19 unchanged/.test(again.stdout)) throw new Error(`expected one ref rebuilt:\n${again.stdout}`);
  incremental.push(again.wallSeconds);
}

// The peer: Redocly's static docs, one HTML file per domain, for one ref (no notion of refs).
const redocly: number[] = [];
for (let run = 0; run < RUNS; run++) {
  const started = performance.now();
  for (const domain of ['payments', 'orders', 'feedback']) {
    const result = measure(join(BIN, 'redocly'), ['build-docs', join(dir, 'specs', `${domain}.yaml`), '-o', join(dir, 'redoc', `${domain}.html`)], dir);
    if (result.exitCode !== 0) throw new Error(`redocly build-docs failed:\n${result.stdout}`);
  }
  redocly.push((performance.now() - started) / 1000);
}

// Render: from navigation to the operations list of the largest domain, in headless Chromium.
const largest = ['payments', 'orders', 'feedback'].sort(
  (a, b) => statSync(join(dir, 'specs', `${b}.yaml`)).size - statSync(join(dir, 'specs', `${a}.yaml`)).size,
)[0];
const site = await serveSite(out, 0, '127.0.0.1');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
const renders: number[] = [];
try {
  for (let run = 0; run < RUNS + 2; run++) {
    const page = await browser.newPage();
    const started = performance.now();
    await page.goto(`${site.url}branches/master/${largest}.html`);
    await page.waitForSelector('.opblock-tag-section .opblock');
    if (run >= 2) renders.push((performance.now() - started) / 1000); // two warm-up loads
    await page.close();
  }
} finally {
  await browser.close();
  await site.close();
}

const s = (values: number[]) => `${median(values).toFixed(2)} s`;
console.log(
  '\n' +
    table([
      ['what', 'median wall'],
      [`apis docs, ${REFS} refs × 3 domains, from scratch`, s(scratch)],
      ['apis docs, incremental (1 ref changed)', s(incremental)],
      ['redocly build-docs, 1 ref × 3 domains (one HTML per domain)', s(redocly)],
      [`Swagger UI rendered the operations of ${largest} (headless Chromium)`, s(renders)],
    ]),
);
console.log(`\nincremental rebuild ${s(incremental)} (target ≤ 1 s); render ${s(renders)} (target ≤ 1.5 s)`);
rmSync(dir, { recursive: true, force: true });

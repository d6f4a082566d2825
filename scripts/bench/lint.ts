/**
 * `npm run bench:lint`: our full lint (structure + house rules) against `redocly lint` and plain
 * `spectral lint` with spectral:oas, on GitHub's REST description, in the same run.
 * Targets: apis ≤ 1.5 × redocly wall time, ≤ 700 MB peak RSS.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, ROOT, machine, measure, median, npmPackageFiles, table, type Measurement } from './measure.ts';

const OCTOKIT_OPENAPI = '23.0.2';
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

const [file] = npmPackageFiles('@octokit/openapi', OCTOKIT_OPENAPI, ['generated/api.github.com.json']);
const spectralDir = mkdtempSync(join(tmpdir(), 'apis-bench-spectral-'));
writeFileSync(join(spectralDir, '.spectral.yaml'), 'extends: ["spectral:oas"]\n');

const tools: Record<string, () => Measurement> = {
  'apis lint': () => measure(process.execPath, [join(ROOT, 'scripts', 'bin', 'apis.js'), 'lint', file, '--format', 'json']),
  'redocly lint': () => measure(join(BIN, 'redocly'), ['lint', file, '--format', 'json']),
};
const results: Record<string, Measurement[]> = { 'apis lint': [], 'redocly lint': [] };
console.log(`bench:lint on ${file} (${machine()}), ${RUNS} runs each, alternating`);
for (let i = 0; i < RUNS; i++) {
  for (const [name, run] of Object.entries(tools)) {
    const m = run();
    results[name].push(m);
    console.log(`  ${name} run ${i + 1}: ${m.wallSeconds.toFixed(2)} s, ${m.peakRssMb?.toFixed(0) ?? 'n/a'} MB, exit ${m.exitCode}`);
  }
}
if (process.env.BENCH_SKIP_SPECTRAL !== '1') {
  console.log('  spectral lint (spectral:oas), one run: slow by design …');
  results['spectral lint (spectral:oas)'] = [measure(join(BIN, 'spectral'), ['lint', file, '--format', 'json', '--quiet'], spectralDir)];
}

const summary = Object.entries(results).map(([name, ms]) => ({
  name,
  wall: median(ms.map((m) => m.wallSeconds)),
  rss: ms.every((m) => m.peakRssMb !== null) ? Math.max(...ms.map((m) => m.peakRssMb!)) : null,
}));
const redocly = summary.find((s) => s.name === 'redocly lint')!;
const apis = summary.find((s) => s.name === 'apis lint')!;
console.log(
  '\n' +
    table([
      ['tool', 'median wall', 'peak RSS', 'vs redocly'],
      ...summary.map((s) => [s.name, `${s.wall.toFixed(2)} s`, s.rss === null ? 'n/a' : `${s.rss.toFixed(0)} MB`, `${(s.wall / redocly.wall).toFixed(2)}×`]),
    ]),
);
const ratio = apis.wall / redocly.wall;
const ok = ratio <= 1.5 && (apis.rss === null || apis.rss <= 700);
console.log(`\ntarget: apis ≤ 1.5 × redocly and ≤ 700 MB → ${ratio.toFixed(2)}×, ${apis.rss?.toFixed(0) ?? 'n/a'} MB: ${ok ? 'met' : 'NOT met'}`);
process.exitCode = ok ? 0 : 1;

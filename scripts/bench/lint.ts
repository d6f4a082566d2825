/**
 * `npm run bench:lint`: our full lint (structure + house rules) against `redocly lint` in the same
 * run, on two inputs:
 * - GitHub's REST description (13 MB JSON), target apis ≤ 1.0 × redocly wall time and ≤ 700 MB;
 * - a synthetic YAML spec of 40,000 paths with about twelve findings each (where position lookup
 *   per finding and yaml's duplicate-key check were quadratic), target apis ≤ 2 × redocly.
 * Plain `spectral lint` with spectral:oas runs once on the first input for scale.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, ROOT, machine, measure, median, npmPackageFiles, table, type Measurement } from './measure.ts';
import { syntheticSpec } from './synthetic.ts';

const OCTOKIT_OPENAPI = '23.0.2';
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SYNTHETIC_PATHS = Number(process.env.BENCH_SYNTHETIC_PATHS ?? 40_000);
// One run each by default: each takes minutes on 2 cores.
const SYNTHETIC_RUNS = Number(process.env.BENCH_SYNTHETIC_RUNS ?? 1);

const [github] = npmPackageFiles('@octokit/openapi', OCTOKIT_OPENAPI, ['generated/api.github.com.json']);
const scratch = mkdtempSync(join(tmpdir(), 'apis-bench-lint-'));
const synthetic = join(scratch, `synthetic-${SYNTHETIC_PATHS}-paths.yaml`);
writeFileSync(synthetic, syntheticSpec(SYNTHETIC_PATHS));
writeFileSync(join(scratch, '.spectral.yaml'), 'extends: ["spectral:oas"]\n');

interface Row {
  name: string;
  wall: number;
  rss: number | null;
}

/** Runs apis and redocly alternately on `file`, prints each run and a table; returns both rows. */
function compare(label: string, file: string, runs: number): { apis: Row; redocly: Row; rows: Row[] } {
  const tools: Record<string, () => Measurement> = {
    'apis lint': () => measure(process.execPath, [join(ROOT, 'scripts', 'bin', 'apis.js'), 'lint', file, '--format', 'json']),
    'redocly lint': () => measure(join(BIN, 'redocly'), ['lint', file, '--format', 'json']),
  };
  const results: Record<string, Measurement[]> = { 'apis lint': [], 'redocly lint': [] };
  console.log(`\n${label}: ${file}, ${runs} run(s) each, alternating`);
  for (let i = 0; i < runs; i++) {
    for (const [name, run] of Object.entries(tools)) {
      const m = run();
      results[name].push(m);
      console.log(`  ${name} run ${i + 1}: ${m.wallSeconds.toFixed(2)} s, ${m.peakRssMb?.toFixed(0) ?? 'n/a'} MB, exit ${m.exitCode}`);
    }
  }
  const rows = Object.entries(results).map(([name, ms]) => ({
    name,
    wall: median(ms.map((m) => m.wallSeconds)),
    rss: ms.every((m) => m.peakRssMb !== null) ? Math.max(...ms.map((m) => m.peakRssMb!)) : null,
  }));
  return { apis: rows[0], redocly: rows[1], rows };
}

function print(rows: Row[], redocly: Row): void {
  console.log(
    table([
      ['tool', 'median wall', 'peak RSS', 'vs redocly'],
      ...rows.map((s) => [s.name, `${s.wall.toFixed(2)} s`, s.rss === null ? 'n/a' : `${s.rss.toFixed(0)} MB`, `${(s.wall / redocly.wall).toFixed(2)}×`]),
    ]),
  );
}

console.log(`bench:lint (${machine()})`);
const real = compare("GitHub's REST description", github, RUNS);
if (process.env.BENCH_SKIP_SPECTRAL !== '1') {
  console.log('  spectral lint (spectral:oas), one run: slow by design …');
  const m = measure(join(BIN, 'spectral'), ['lint', github, '--format', 'json', '--quiet'], scratch);
  real.rows.push({ name: 'spectral lint (spectral:oas)', wall: m.wallSeconds, rss: m.peakRssMb });
}
print(real.rows, real.redocly);
const large = compare(`Synthetic spec, ${SYNTHETIC_PATHS.toLocaleString('en')} paths`, synthetic, SYNTHETIC_RUNS);
print(large.rows, large.redocly);

const realRatio = real.apis.wall / real.redocly.wall;
const largeRatio = large.apis.wall / large.redocly.wall;
const realOk = realRatio <= 1.0 && (real.apis.rss === null || real.apis.rss <= 700);
const largeOk = largeRatio <= 2;
console.log(
  `\ntarget (GitHub): apis ≤ 1.0 × redocly and ≤ 700 MB → ${realRatio.toFixed(2)}×, ${real.apis.rss?.toFixed(0) ?? 'n/a'} MB: ${realOk ? 'met' : 'NOT met'}`,
);
console.log(`target (synthetic): apis ≤ 2 × redocly → ${largeRatio.toFixed(2)}×: ${largeOk ? 'met' : 'NOT met'}`);
process.exitCode = realOk && largeOk ? 0 : 1;

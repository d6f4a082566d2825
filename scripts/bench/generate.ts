/**
 * `npm run bench:generate`: `apis generate` on GitHub's REST description (1,223 operations, 13 MB
 * JSON) against `openapi-typescript` alone on the same file, in the same run, alternating. apis does
 * more (bundle, the JSON and YAML copies, client, server, runtime, compiled), so the target is that
 * all of it costs at most 1.1 × the types alone. Each apis run starts from an empty generated/.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, ROOT, machine, measure, median, npmPackageFiles, table, type Measurement } from './measure.ts';

const OCTOKIT_OPENAPI = '23.0.2';
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

const [github] = npmPackageFiles('@octokit/openapi', OCTOKIT_OPENAPI, ['generated/api.github.com.json']);
const repo = mkdtempSync(join(tmpdir(), 'apis-bench-generate-'));
mkdirSync(join(repo, 'specs'));
copyFileSync(github, join(repo, 'specs', 'github.yaml'));
writeFileSync(join(repo, 'CODEOWNERS'), '* @acme/api-guild\n');
// openapi-typescript reads a redocly.yaml in its working folder: it gets an empty one of its own.
const scratch = mkdtempSync(join(tmpdir(), 'apis-bench-ots-'));

const tools: Record<string, () => Measurement> = {
  'apis generate': () => {
    rmSync(join(repo, 'generated'), { recursive: true, force: true });
    return measure(process.execPath, [join(ROOT, 'scripts', 'bin', 'apis.js'), 'generate', 'github'], repo);
  },
  'openapi-typescript alone': () => measure(join(BIN, 'openapi-typescript'), [github, '-o', join(scratch, 'schema.d.ts')], scratch),
};

console.log(`bench:generate (${machine()}): GitHub's REST description, ${RUNS} run(s) each, alternating`);
const results: Record<string, Measurement[]> = Object.fromEntries(Object.keys(tools).map((name) => [name, []]));
for (let i = 0; i < RUNS; i++) {
  for (const [name, run] of Object.entries(tools)) {
    const m = run();
    if (m.exitCode !== 0) throw new Error(`${name} exited ${m.exitCode}`);
    results[name].push(m);
    console.log(`  ${name} run ${i + 1}: ${m.wallSeconds.toFixed(2)} s, ${m.peakRssMb?.toFixed(0) ?? 'n/a'} MB`);
  }
}
const rows = Object.entries(results).map(([name, ms]) => ({
  name,
  wall: median(ms.map((m) => m.wallSeconds)),
  rss: ms.every((m) => m.peakRssMb !== null) ? Math.max(...ms.map((m) => m.peakRssMb as number)) : null,
}));
const peer = rows[1];
console.log(
  '\n' +
    table([
      ['tool', 'median wall', 'peak RSS', 'vs openapi-typescript'],
      ...rows.map((r) => [r.name, `${r.wall.toFixed(2)} s`, r.rss === null ? 'n/a' : `${r.rss.toFixed(0)} MB`, `${(r.wall / peer.wall).toFixed(2)}×`]),
    ]),
);
const ratio = rows[0].wall / peer.wall;
console.log(`\ntarget: apis generate ≤ 1.1 × openapi-typescript → ${ratio.toFixed(2)}×: ${ratio <= 1.1 ? 'met' : 'NOT met'}`);
rmSync(repo, { recursive: true, force: true });
rmSync(scratch, { recursive: true, force: true });

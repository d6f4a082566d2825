/**
 * `npm run bench:generate`: `apis generate` on GitHub's REST description (1,223 operations, 13 MB
 * JSON) against `openapi-typescript` alone on the same file, in the same run, alternating. apis does
 * more (bundle, the JSON and YAML copies, client, server, runtime, compiled), so the target is that
 * all of it costs at most 1.1 × the types alone. Each apis run starts from an empty generated/.
 * Then the generated server is started on that package (serve-large.ts).
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
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

// The package the last run generated, started as an application would (#14: a few seconds, no
// per-operation pause of seconds, under 600 MB).
symlinkSync(join(ROOT, 'node_modules'), join(repo, 'node_modules'));
const served = measure(join(BIN, 'tsx'), [join(ROOT, 'scripts', 'bench', 'serve-large.ts'), join(repo, 'generated', 'github'), 'createGithubServer'], repo);
if (served.exitCode !== 0) throw new Error(`serving the generated package failed (exit ${served.exitCode})`);
const s = JSON.parse(served.stdout.trim().split('\n').pop() as string) as Record<string, number>;
console.log(
  `\ngenerated server on GitHub's description: started in ${(s.startMs / 1000).toFixed(1)} s; first request to each of ${s.operations} operations: p50 ${s.firstRequestP50Ms} ms, p99 ${s.firstRequestP99Ms} ms, max ${s.firstRequestMaxMs} ms; ${s.rssMb} MB after all (peak ${served.peakRssMb?.toFixed(0) ?? 'n/a'} MB)`,
);
const serveOk = s.startMs < 5000 && s.firstRequestMaxMs < 1000 && (served.peakRssMb ?? s.rssMb) < 600;
console.log(`target: starts in a few seconds, no first request near a second, under 600 MB → ${serveOk ? 'met' : 'NOT met'}`);
rmSync(repo, { recursive: true, force: true });
rmSync(scratch, { recursive: true, force: true });

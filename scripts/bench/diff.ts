/**
 * `npm run bench:diff`: `apis diff` against `redocly diff` on two large real documents (GitHub
 * Enterprise Server 3.18 and 3.19), in the same run. Targets: at most 0.5 × redocly's wall time and
 * at most 400 MB; the breaking changes each tool finds are printed side by side, with the ones only
 * one of them reports, so a reader can judge every disagreement (the README says which is right).
 */
import { join } from 'node:path';
import { BIN, ROOT, machine, measure, median, npmPackageFiles, table, type Measurement } from './measure.ts';

const OCTOKIT_OPENAPI = '23.0.2';
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

const [base, head] = npmPackageFiles('@octokit/openapi', OCTOKIT_OPENAPI, ['generated/ghes-3.18.json', 'generated/ghes-3.19.json']);

/** Where each breaking change is, as a JSON pointer into the head document (both tools report one). */
const tools: Record<string, { run: () => Measurement; breaking: (stdout: string) => string[] }> = {
  'apis diff': {
    run: () => measure(process.execPath, [join(ROOT, 'scripts', 'bin', 'apis.js'), 'diff', base, head, '--format', 'json']),
    breaking: (out) => [
      ...new Set(
        (JSON.parse(out).changes as Array<{ level: string; id: string; operation: string; message: string }>)
          .filter((c) => c.level === 'breaking')
          .map((c) => `${c.operation}: ${c.message} [${c.id}]`),
      ),
    ],
  },
  'redocly diff': {
    run: () => measure(join(BIN, 'redocly'), ['diff', base, head, '--format', 'json']),
    breaking: (out) =>
      (JSON.parse(out).changes as Array<{ impact: string; path: string; verdicts?: Array<{ ruleId: string; impact: string; message: string }> }>).flatMap((c) =>
        (c.verdicts ?? []).filter((v) => v.impact === 'major').map((v) => `${decodeURIComponent(c.path)}: ${v.message} [${v.ruleId}]`),
      ),
  },
};

console.log(`bench:diff ghes-3.18 → ghes-3.19 (${machine()}), ${RUNS} runs each, alternating`);
const results: Record<string, Measurement[]> = {};
for (let i = 0; i < RUNS; i++) {
  for (const [name, tool] of Object.entries(tools)) {
    const m = tool.run();
    results[name] = [...(results[name] ?? []), m];
    console.log(`  ${name} run ${i + 1}: ${m.wallSeconds.toFixed(2)} s, ${m.peakRssMb?.toFixed(0) ?? 'n/a'} MB, exit ${m.exitCode}`);
  }
}
const rows = Object.entries(results).map(([name, ms]) => ({
  name,
  wall: median(ms.map((m) => m.wallSeconds)),
  rss: ms.every((m) => m.peakRssMb !== null) ? Math.max(...ms.map((m) => m.peakRssMb!)) : null,
  breaking: tools[name].breaking(ms[0].stdout),
}));
console.log(
  '\n' +
    table([
      ['tool', 'median wall', 'peak RSS', 'breaking changes found'],
      ...rows.map((r) => [r.name, `${r.wall.toFixed(2)} s`, r.rss === null ? 'n/a' : `${r.rss.toFixed(0)} MB`, String(r.breaking.length)]),
    ]),
);
for (const r of rows) {
  console.log(`\n${r.name} rates as breaking:`);
  for (const b of r.breaking) console.log(`  - ${b}`);
}
const apis = rows.find((r) => r.name === 'apis diff')!;
const redocly = rows.find((r) => r.name === 'redocly diff')!;
const ratio = apis.wall / redocly.wall;
const ok = ratio <= 0.5 && (apis.rss === null || apis.rss <= 400);
console.log(`\ntarget: apis diff ≤ 0.5 × redocly diff and ≤ 400 MB → ${ratio.toFixed(2)} ×, ${apis.rss?.toFixed(0) ?? 'n/a'} MB: ${ok ? 'met' : 'NOT met'}`);
process.exitCode = ok ? 0 : 1;

/**
 * `npm run bench:hooks`: the pre-commit hook on one changed spec (lint the staged file, regenerate
 * and stage its bundle), against what a plain lint-staged setup would run on the same file
 * (`redocly lint`). Target: ≤ 2 s.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, ROOT, machine, measure, median, table } from './measure.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const dir = mkdtempSync(join(tmpdir(), 'apis-bench-hooks-'));
for (const entry of ['scripts', 'rules', 'specs', 'generated', 'package.json', 'tsconfig.json', 'CODEOWNERS'])
  cpSync(join(ROOT, entry), join(dir, entry), { recursive: true, preserveTimestamps: true });
symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
const git = (...args: string[]) =>
  execFileSync('git', args, {
    cwd: dir,
    env: { ...process.env, GIT_AUTHOR_NAME: 'b', GIT_AUTHOR_EMAIL: 'b@example.org', GIT_COMMITTER_NAME: 'b', GIT_COMMITTER_EMAIL: 'b@example.org' },
  });
git('init', '-q', '-b', 'master');
git('add', '-A');
git('commit', '-qm', 'base');
const spec = join(dir, 'specs', 'payments.yaml');

console.log(`bench:hooks: pre-commit with one changed spec (specs/payments.yaml), ${machine()}, ${RUNS} runs each`);
const hook: number[] = [];
const peer: number[] = [];
for (let i = 0; i < RUNS; i++) {
  // A fresh edit each run, so the bundle really has to be rewritten.
  writeFileSync(spec, readFileSync(spec, 'utf8').replace(/summary: Get a payment.*\n/, `summary: Get a payment (${i})\n`));
  git('add', 'specs/payments.yaml');
  const h = measure(process.execPath, [join(dir, 'scripts', 'bin', 'apis.js'), 'hook', 'pre-commit'], dir);
  if (h.exitCode !== 0) throw new Error('the pre-commit hook failed');
  hook.push(h.wallSeconds);
  peer.push(measure(join(BIN, 'redocly'), ['lint', 'specs/payments.yaml'], dir).wallSeconds);
  console.log(`  run ${i + 1}: apis hook pre-commit ${h.wallSeconds.toFixed(2)} s, redocly lint ${peer[peer.length - 1].toFixed(2)} s`);
}
const ours = median(hook);
console.log(
  '\n' +
    table([
      ['command', 'median wall'],
      ['apis hook pre-commit (lint + house rules + bundle + git add)', `${ours.toFixed(2)} s`],
      ['redocly lint (structure only, the usual lint-staged job)', `${median(peer).toFixed(2)} s`],
    ]),
);
console.log(`\ntarget: ≤ 2 s → ${ours.toFixed(2)} s: ${ours <= 2 ? 'met' : 'NOT met'}`);
process.exitCode = ours <= 2 ? 0 : 1;

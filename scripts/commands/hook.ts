import { relative, join } from 'node:path';
import { decidePush } from '../governance/branch-policy.ts';
import { spawn, type ChildProcess } from 'node:child_process';
import { loadConfig } from '../lib/config.ts';
import { UserError } from '../lib/errors.ts';
import { gitIndexReader, gitTopLevel, productionRef, stage, stagedFiles } from '../lib/git.ts';
import { findRepoRoot, generatedDir, posixRelative, RUNTIME_PACKAGE } from '../lib/repo.ts';
import { loadSpec } from '../lib/spec-model.ts';
import { lintModels } from '../lint/engine.ts';
import { summarize } from '../lint/finding.ts';
import { formatReport } from '../lint/format/index.ts';
import { plural } from '../lib/output.ts';

/**
 * `apis hook pre-commit`: lints the staged specs as they are staged (not as they are on disk) and
 * regenerates their generated/ packages, adding them to the commit. Generation (which must load
 * TypeScript) runs in a second process while this one lints, so one changed spec costs about the
 * longer of the two.
 */
async function preCommit(): Promise<number> {
  const root = findRepoRoot();
  const top = await gitTopLevel(root);
  const prefix = relative(top, root) === '' ? '' : relative(top, root) + '/';
  const isSpec = (f: string) => f.startsWith(prefix) && /^specs\/[^/]+\.yaml$/.test(f.slice(prefix.length));
  const staged = (await stagedFiles(top)).filter(isSpec);
  if (staged.length === 0) return 0;
  const domains = staged.map((f) => f.slice(f.lastIndexOf('/') + 1, -'.yaml'.length));
  const generation = runChild(process.argv[1], ['generate', ...domains, '--from-index'], root);

  const reader = await gitIndexReader(root);
  const models = [];
  for (const file of staged) models.push(await loadSpec(join(top, file), { reader, boundary: root }));
  const findings = await lintModels(models);
  const { errors, warnings } = summarize(findings);
  if (errors > 0) {
    generation.child.kill();
    process.stderr.write(formatReport('stylish', { findings }));
    process.stderr.write(
      `pre-commit: lint found ${plural(errors, 'error')} in the staged ${staged.length === 1 ? 'spec' : 'specs'}. Reproduce: npx apis lint ${staged.join(' ')}\n(commit anyway, and let CI judge: git commit --no-verify)\n`,
    );
    return 1;
  }
  const generated = await generation.done;
  if (generated.code !== 0) {
    process.stderr.write(generated.stderr);
    process.stderr.write(`pre-commit: generation failed. Reproduce: npx apis generate ${domains.join(' ')}\n`);
    return 1;
  }
  await stage(
    [...domains, RUNTIME_PACKAGE].map((d) => posixRelative(top, generatedDir(root, d))),
    top,
  );
  if (warnings > 0) process.stderr.write(formatReport('stylish', { findings: findings.filter((f) => !f.silenced) }));
  const verdict = warnings > 0 ? `no lint errors, ${plural(warnings, 'warning')} (shown above)` : 'lint clean';
  process.stderr.write(`pre-commit: ${plural(staged.length, 'staged spec')}: ${verdict}; generated code updated and staged\n`);
  return 0;
}

function runChild(bin: string, args: string[], cwd: string): { child: ChildProcess; done: Promise<{ code: number | null; stderr: string }> } {
  const child = spawn(process.execPath, [bin, ...args], { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d) => (stderr += d));
  const done = new Promise<{ code: number | null; stderr: string }>((resolve) => child.on('close', (code) => resolve({ code, stderr })));
  return { child, done };
}

/**
 * `apis hook pre-push`: reads git's "<local ref> <local sha> <remote ref> <remote sha>" lines on
 * stdin; refuses pushes to protected branches, then runs the breaking-change gate on each pushed
 * commit's specs, read from git objects (not the working tree, which may hold anything), against
 * the production branch. A deleted ref is allowed. It never skips the gate silently: without the
 * production branch in the clone, it says how to get it and refuses.
 */
async function prePush(input: string): Promise<number> {
  const root = findRepoRoot();
  const config = loadConfig(root);
  const pushes = input
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [localRef = '', localSha = '', remoteRef = ''] = line.split(' ');
      return { localRef, localSha, remoteRef };
    })
    .filter((p) => p.remoteRef.startsWith('refs/heads/') && !/^0+$/.test(p.localSha));
  for (const { remoteRef } of pushes) {
    const decision = decidePush(remoteRef.slice('refs/heads/'.length), config);
    if (!decision.allowed) {
      process.stderr.write(`pre-push: ${decision.reason}\n`);
      return 1;
    }
  }
  if (pushes.length === 0) return 0;
  let base: string;
  try {
    base = (await productionRef(root)).ref;
  } catch (error) {
    process.stderr.write(
      `pre-push: the breaking-change gate needs the production branch: ${(error as Error).message}\n(push anyway, and let CI judge: git push --no-verify)\n`,
    );
    return 1;
  }
  // Loaded only here: the pre-commit path stays light.
  const { reportBreakingGate } = await import('../governance/checks.ts');
  let failed = false;
  for (const { localSha, remoteRef } of pushes) {
    const outcome = await reportBreakingGate(root, base, localSha);
    if (outcome.ok) continue;
    failed = true;
    const branch = remoteRef.slice('refs/heads/'.length);
    process.stderr.write(`pre-push: ${branch} (${localSha.slice(0, 12)}) against ${base}: ${outcome.summary}\n${outcome.details ?? ''}`);
    process.stderr.write(`pre-push: reproduce with npx apis check --base ${base} on that commit (push anyway, and let CI judge: git push --no-verify)\n`);
  }
  return failed ? 1 : 0;
}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) return '';
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function hookCommand(name: string): Promise<number> {
  if (name === 'pre-commit') return preCommit();
  if (name === 'pre-push') return prePush(await readStdin());
  throw new UserError(`unknown hook "${name}" (known: pre-commit, pre-push)`);
}

import { expect } from 'vitest';
import { execFileSync, spawn, spawnSync, type ChildProcess, type SpawnSyncReturns } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, mkdirSync, readdirSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const APIS_BIN = join(REPO, 'scripts', 'bin', 'apis.js');

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs the real `apis` CLI in a child process, the way a user or CI does. */
export function runApis(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {}): Promise<RunResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [APIS_BIN, ...args], {
      cwd: options.cwd ?? REPO,
      env: { ...process.env, NO_COLOR: '1', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    const started = Date.now();
    child.on('close', (code, signal) => {
      if (process.env.APIS_TEST_TRACE)
        appendFileSync(process.env.APIS_TEST_TRACE, `${expect.getState().testPath?.replace(REPO + '/', '')}\t${args[0]}\t${Date.now() - started}\n`);
      resolvePromise({ code, signal, stdout, stderr });
    });
    child.stdin.end(options.input ?? '');
  });
}

/** A throwaway repository folder holding a copy of the given (or all) specs. */
export function tempRepo(files: Record<string, string | Buffer> = {}, options: { copySpecs?: boolean; copyGenerated?: boolean } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'apis-test-'));
  if (options.copySpecs !== false) cpSync(join(REPO, 'specs'), join(dir, 'specs'), { recursive: true });
  else mkdirSync(join(dir, 'specs'));
  // What `apis generate` writes for these specs, as committed (generate.e2e proves they are the same).
  if (options.copyGenerated) cpSync(join(REPO, 'generated'), join(dir, 'generated'), { recursive: true });
  // Every file owned by the guild, unless the test brings its own CODEOWNERS.
  const withOwners = { CODEOWNERS: '* @acme/api-guild\n', ...files };
  for (const [path, content] of Object.entries(withOwners)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

/** The shape every user-facing failure must have: exit 2, one line on stderr naming the file, no stack trace, nothing on stdout. */
export function expectUserError(result: RunResult, fileName: string, pattern?: RegExp): void {
  expect(result.code, result.stderr).toBe(2);
  const lines = result.stderr.trim().split('\n');
  expect(lines, result.stderr).toHaveLength(1);
  expect(lines[0]).toContain(fileName);
  expect(result.stderr).not.toMatch(/^\s+at /m);
  expect(result.stdout).toBe('');
  if (pattern) expect(lines[0]).toMatch(pattern);
}

/** Runs git in a test repository with a fixed identity. */
export function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 'test@example.org', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 'test@example.org' },
  });
}

/**
 * Runs git the way a designer does, hooks included (`git()` is for setting up): returns the exit
 * status and output instead of throwing, with a fixed identity and no colours.
 */
export function gitWithHooks(dir: string, ...args: string[]): SpawnSyncReturns<string> {
  return spawnSync('git', args, {
    cwd: dir,
    encoding: 'utf8',
    env: {
      ...process.env,
      NO_COLOR: '1',
      GIT_AUTHOR_NAME: 'T',
      GIT_AUTHOR_EMAIL: 't@example.org',
      GIT_COMMITTER_NAME: 'T',
      GIT_COMMITTER_EMAIL: 't@example.org',
    },
  });
}

/** A temporary repository whose master holds a copy of the repository's specs. */
export function gitRepo(files: Record<string, string> = {}): string {
  const dir = tempRepo(files);
  git(dir, 'init', '-q', '-b', 'master');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'master');
  return dir;
}

/**
 * A temporary repository holding the toolchain itself (scripts, rules, package.json, hooks) with
 * node_modules linked from this checkout and the husky hooks installed, on master: commits and
 * pushes in it run the real hooks.
 */
export function toolchainRepo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'apis-flow-'));
  for (const entry of [
    'scripts',
    'rules',
    'specs',
    'generated',
    'test',
    'docs-site',
    '.ci',
    '.github',
    'package.json',
    'package-lock.json',
    'tsconfig.json',
    'CODEOWNERS',
    '.gitignore',
  ]) {
    cpSync(join(REPO, entry), join(dir, entry), {
      recursive: true,
      preserveTimestamps: true,
      filter: (src) => !src.includes(`${join('rules', 'dist')}`) && !src.endsWith(join('.github', 'hooks', '_')),
    });
  }
  symlinkSync(join(REPO, 'node_modules'), join(dir, 'node_modules'));
  git(dir, 'init', '-q', '-b', 'master');
  execFileSync(join(REPO, 'node_modules', '.bin', 'husky'), ['.github/hooks'], { cwd: dir, stdio: 'pipe' });
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '--no-verify', '-m', 'master');
  return dir;
}

export interface Serving {
  child: ChildProcess;
  /** What `ready` matched in the output; its first group is usually the URL. */
  match: RegExpExecArray;
  output(): string;
  /** Sends `signal` (SIGKILL after 10 s) and returns the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Runs a long-lived apis command (mock, docs --serve, start) and waits until its output matches `ready`. */
export function startServing(args: string[], cwd: string, ready: RegExp, env: NodeJS.ProcessEnv = {}): Promise<Serving> {
  const child = spawn(process.execPath, [APIS_BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`apis ${args[0]} was not ready in 60 s:\n${out}`));
    }, 60_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`apis ${args[0]} exited with ${code}:\n${out}`));
    });
    child.stderr!.on('data', (d) => (out += d));
    child.stdout!.on('data', (d) => {
      out += d;
      const match = ready.exec(out);
      if (!match) return;
      clearTimeout(timer);
      resolvePromise({
        child,
        match,
        output: () => out,
        async stop(signal = 'SIGTERM') {
          child.kill(signal);
          const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
          const code = await exited;
          clearTimeout(killer);
          return code;
        },
      });
    });
  });
}

/** Processes whose working folder is `dir`: what a command run there left behind. */
export function processesIn(dir: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readlinkSync(`/proc/${entry}/cwd`) === dir) pids.push(Number(entry));
    } catch {
      // gone, or not ours
    }
  }
  return pids;
}

/**
 * Runs the `apis` CLI inside the test process: the same entry point as the real binary (argument
 * parsing, commands, one-line errors and exit codes), minus the cost of starting Node and loading
 * every module again. For commands that end on their own; serving commands run in a real process.
 * Changes the working folder and captures stdout/stderr while it runs, so callers must not overlap.
 */
export async function runApisInProcess(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<RunResult> {
  const { main } = await import('../scripts/cli.ts');
  const previousCwd = process.cwd();
  const previousEnv = new Map(Object.keys(options.env ?? {}).map((k) => [k, process.env[k]]));
  const out = process.stdout.write.bind(process.stdout);
  const err = process.stderr.write.bind(process.stderr);
  let stdout = '';
  let stderr = '';
  const capture = (sink: (text: string) => void) =>
    ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      sink(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      const callback = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
      callback?.();
      return true;
    }) as typeof process.stdout.write;
  process.chdir(options.cwd ?? REPO);
  Object.assign(process.env, options.env);
  process.stdout.write = capture((t) => (stdout += t));
  process.stderr.write = capture((t) => (stderr += t));
  try {
    const code = await main([process.execPath, APIS_BIN, ...args]);
    return { code, signal: null, stdout, stderr };
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
    process.exitCode = undefined;
    for (const [k, v] of previousEnv) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    process.chdir(previousCwd);
  }
}

/**
 * A node_modules for a temp repository: every package of this repository's, linked, except the
 * shared runtime package, which is the temp repository's own generated/api-runtime (as generated
 * there, and as shipped when its sources were removed), under the scope it was generated for.
 */
export function linkNodeModules(dir: string, scope = '@acme'): void {
  const target = join(dir, 'node_modules');
  mkdirSync(target, { recursive: true });
  for (const entry of readdirSync(join(REPO, 'node_modules'))) {
    if (entry.startsWith('@')) {
      mkdirSync(join(target, entry), { recursive: true });
      for (const name of readdirSync(join(REPO, 'node_modules', entry))) {
        if (`${entry}/${name}` === `${scope}/api-runtime`) continue;
        symlinkSync(join(REPO, 'node_modules', entry, name), join(target, entry, name));
      }
    } else symlinkSync(join(REPO, 'node_modules', entry), join(target, entry));
  }
  mkdirSync(join(target, scope), { recursive: true });
  symlinkSync(join(dir, 'generated', 'api-runtime'), join(target, scope, 'api-runtime'));
}

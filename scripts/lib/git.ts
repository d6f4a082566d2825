import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { UserError } from './errors.ts';
import { limits, tooLarge } from './limits.ts';
import type { SpecReader } from './spec-model.ts';
import { loadConfig } from './config.ts';
import { findRepoRoot, posixRelative } from './repo.ts';

const run = promisify(execFile);

/** Runs git and returns stdout; a failure is reported as the user's problem with git's own words. */
export async function git(args: string[], cwd: string): Promise<string> {
  try {
    const { stdout } = await run('git', args, { cwd, maxBuffer: limits.maxInputBytes + 1024 * 1024, encoding: 'utf8' });
    return stdout;
  } catch (error) {
    const e = error as { stderr?: string; code?: string | number; message: string };
    if (e.code === 'ENOENT') throw new UserError('git is not installed or not on PATH');
    const reason = (e.stderr ?? e.message)
      .trim()
      .split('\n')[0]
      .replace(/^fatal: /, '');
    throw new UserError(`git ${args[0]} failed: ${reason}`);
  }
}

// A folder's repository does not change while a command runs: asked once per folder.
const topLevels = new Map<string, Promise<string>>();

export function gitTopLevel(cwd: string): Promise<string> {
  let top = topLevels.get(cwd);
  if (!top) {
    top = run('git', ['rev-parse', '--show-toplevel'], { cwd }).then(
      ({ stdout }) => stdout.trim(),
      () => {
        topLevels.delete(cwd);
        throw new UserError(`${cwd} is not inside a git repository`);
      },
    );
    topLevels.set(cwd, top);
  }
  return top;
}

/** Fails with a clear message when `ref` names no commit. */
export async function verifyRef(ref: string, cwd: string): Promise<string> {
  return (await run('git', ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], { cwd }).catch(() => ({ stdout: '' }))).stdout.trim() || unknownRef(ref);
}

function unknownRef(ref: string): never {
  throw new UserError(`unknown git ref "${ref}": no branch, tag or commit has that name`);
}

/**
 * The ref to read `ref` from: itself when it names a commit, else the remote's copy (`origin/master`
 * in a clone that only checked out `main`). `hint` says how to fix it when neither exists.
 */
export async function resolveRef(ref: string, cwd: string, hint?: string): Promise<string> {
  return (await resolveCommit(ref, cwd, hint)).name;
}

/** resolveRef's answer with the commit id it names. */
async function resolveCommit(ref: string, cwd: string, hint?: string): Promise<{ name: string; id: string }> {
  const id = await commitId(ref, cwd);
  if (id) return { name: ref, id };
  const remote = ref.startsWith('origin/') ? '' : await commitId(`origin/${ref}`, cwd);
  if (remote) return { name: `origin/${ref}`, id: remote };
  throw new UserError(
    `unknown git ref "${ref}": no branch, tag or commit has that name${ref.startsWith('origin/') ? '' : `, nor origin/${ref}`}${hint ? `; ${hint}` : ''}`,
  );
}

/** Reads files as they are at a git ref (or its origin/ copy), without checking anything out: the working tree is never touched. */
export async function gitReader(ref: string, cwd: string, label = ref): Promise<SpecReader> {
  // Read by commit id: what a reader returns cannot change under it, and reads can be shared.
  const { id } = await resolveCommit(ref, cwd, productionHint(ref, cwd));
  return blobReader(id, await gitTopLevel(cwd), label);
}

/** For the production branch, how to get it into this clone or name another one. */
export function productionHint(ref: string, cwd: string): string | undefined {
  const production = loadConfig(findRepoRoot(cwd)).branches.production;
  if (ref !== production) return undefined;
  return `fetch it (git fetch origin ${production}:${production}), or set "apis": {"branches": {"production": "<branch>"}} in package.json to this repository's production branch`;
}

/**
 * The production branch as this clone knows it, the remote's copy first (`origin/master`: what is
 * really in production), else the local branch; or a one-line error saying how to get it.
 */
export async function productionRef(cwd: string): Promise<{ name: string; ref: string }> {
  const name = loadConfig(findRepoRoot(cwd)).branches.production;
  if (await commitExists(`origin/${name}`, cwd)) return { name, ref: `origin/${name}` };
  return { name, ref: await resolveRef(name, cwd, productionHint(name, cwd)) };
}

/** Reads files as they are staged (the git index): what the next commit will contain. */
export async function gitIndexReader(cwd: string): Promise<SpecReader> {
  return blobReader('', await gitTopLevel(cwd));
}

/**
 * Blobs read at a commit id, shared by every reader of that commit in this process (lint, the
 * gate and the docs each read the base): a commit's files never change. Bounded, oldest out first,
 * for long-running commands that read many commits.
 */
const blobs = new Map<string, Promise<Uint8Array | undefined>>();
const MAX_CACHED_BLOBS = 256;

function cachedBlob(key: string, read: () => Promise<Uint8Array | undefined>): Promise<Uint8Array | undefined> {
  let blob = blobs.get(key);
  if (!blob) {
    blob = read();
    blob.catch(() => blobs.delete(key));
    blobs.set(key, blob);
    if (blobs.size > MAX_CACHED_BLOBS) blobs.delete(blobs.keys().next().value as string);
  }
  return blob;
}

/** `label` names the ref in messages (a branch name where `ref` is its commit id); ref '' is the index. */
function blobReader(ref: string, top: string, label = ref): SpecReader {
  const toRepoPath = (absPath: string) => posixRelative(top, absPath);
  async function readBlob(rel: string): Promise<Uint8Array | undefined> {
    try {
      const { stdout } = await run('git', ['cat-file', 'blob', `${ref}:${rel}`], {
        cwd: top,
        encoding: 'buffer',
        maxBuffer: limits.maxInputBytes + 1024 * 1024,
      });
      return new Uint8Array(stdout);
    } catch (error) {
      const stderr = String((error as { stderr?: Buffer }).stderr ?? '');
      if (/does not exist|exists on disk, but not in|Not a valid object name|bad file/i.test(stderr)) return undefined;
      if ((error as { code?: string }).code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') {
        const size = Number((await run('git', ['cat-file', '-s', `${ref}:${rel}`], { cwd: top, encoding: 'utf8' })).stdout.trim());
        throw tooLarge(`${label}:${rel}`, size);
      }
      throw new UserError(`${label}:${rel}: cannot read from git (${stderr.trim().split('\n')[0]})`);
    }
  }
  return {
    read(absPath) {
      const rel = toRepoPath(absPath);
      if (rel.startsWith('..')) return Promise.resolve(undefined);
      // The index changes with every `git add`: only commits are shared.
      return ref === '' ? readBlob(rel) : cachedBlob(`${top}\u0000${ref}:${rel}`, () => readBlob(rel));
    },
    label: (absPath) => (ref === '' ? toRepoPath(absPath) : `${label}:${toRepoPath(absPath)}`),
    async list(absDir) {
      const rel = toRepoPath(absDir);
      if (rel.startsWith('..')) return undefined;
      // `ref:dir` is a tree at a commit; the index (ref '') has no trees, so list its paths under dir/.
      const args = ref === '' ? ['ls-files', '--', `${rel}/`] : ['ls-tree', '--name-only', `${ref}:${rel}`];
      try {
        const { stdout } = await run('git', args, { cwd: top, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
        const names = stdout.split('\n').filter(Boolean);
        if (ref !== '') return names;
        const files = names.map((p) => p.slice(rel.length + 1)).filter((p) => !p.includes('/'));
        return files.length > 0 ? files : undefined;
      } catch {
        return undefined;
      }
    },
  };
}

/** Files git knows about plus untracked ones that are not ignored, relative to the top. */
export async function repoFiles(cwd: string): Promise<string[]> {
  return (await git(['ls-files', '--cached', '--others', '--exclude-standard'], await gitTopLevel(cwd))).split('\n').filter(Boolean);
}

/** Every command's git questions, asked here only (the toolchain never runs git anywhere else). */

/** The object id of `<commit>:<path>` for each commit when it is a tree, '' otherwise; one git process for all. */
export async function treeIdsAt(commits: string[], path: string, top: string): Promise<Map<string, string>> {
  const trees = new Map<string, string>();
  if (commits.length === 0) return trees;
  const stdout = await new Promise<string>((resolve, reject) => {
    const child = execFile('git', ['cat-file', '--batch-check'], { cwd: top, maxBuffer: 64 * 1024 * 1024 }, (error, out) =>
      error ? reject(new UserError(`git cat-file failed: ${error.message.split('\n')[0]}`)) : resolve(out),
    );
    child.stdin?.end(commits.map((c) => `${c}:${path}\n`).join(''));
  });
  const lines = stdout.split('\n').filter(Boolean);
  for (const [i, line] of lines.entries()) trees.set(commits[i], /^[0-9a-f]+ tree /.test(line) ? line.split(' ')[0] : '');
  return trees;
}

/** Every file of a commit with its blob id, by path from the top. */
export async function blobsAt(commit: string, top: string): Promise<Map<string, string>> {
  const out = await git(['ls-tree', '-r', '--full-tree', commit], top);
  const blobs = new Map<string, string>();
  for (const line of out.split('\n').filter(Boolean)) {
    const [meta, path] = line.split('\t');
    blobs.set(path, meta.split(' ')[2]);
  }
  return blobs;
}

export async function hasCommits(top: string): Promise<boolean> {
  return (await git(['rev-list', '-n', '1', '--all'], top)).trim() !== '';
}

/** Branches, remote branches and tags with the fields asked for (`for-each-ref` format names), one line each. */
export async function refRecords(fields: string[], separator: string, cwd: string): Promise<string[][]> {
  const out = await git(['for-each-ref', `--format=${fields.join(separator)}`, 'refs/heads', 'refs/remotes', 'refs/tags'], cwd);
  return out
    .split('\n')
    .filter(Boolean)
    .map((line) => line.split(separator));
}

export async function tagNames(top: string): Promise<Set<string>> {
  return new Set((await git(['tag', '--list'], top)).split('\n').filter(Boolean));
}

/** Paths (from the top) of files staged as added, copied, modified or renamed. */
export async function stagedFiles(top: string): Promise<string[]> {
  return (await git(['diff', '--cached', '--name-only', '--diff-filter=ACMR'], top)).split('\n').filter(Boolean);
}

export async function stage(paths: string[], top: string): Promise<void> {
  await git(['add', '--', ...paths], top);
}

/** Files changed between the merge base of `base` and HEAD, and files changed but not committed. */
export async function changedFiles(base: string, top: string): Promise<{ committed: string[]; uncommitted: string[] }> {
  const committed = (await git(['diff', '--name-only', `${base}...HEAD`], top)).split('\n').filter(Boolean);
  const uncommitted = (await git(['status', '--porcelain', '--untracked-files=all'], top))
    .split('\n')
    .filter(Boolean)
    .map((l) => l.slice(3).replace(/^.* -> /, ''));
  return { committed, uncommitted };
}

/** Whether `ref` names a commit (no error when it does not). */
export async function commitExists(ref: string, cwd: string): Promise<boolean> {
  return (await commitId(ref, cwd)) !== '';
}

/** The commit `ref` names, or '' when it names none. */
async function commitId(ref: string, cwd: string): Promise<string> {
  return run('git', ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], { cwd }).then(
    ({ stdout }) => stdout.trim(),
    () => '',
  );
}

/** The URL of a remote, or undefined when there is none. */
export async function remoteUrl(name: string, cwd: string): Promise<string | undefined> {
  return (await git(['config', '--get', `remote.${name}.url`], cwd).catch(() => '')).trim() || undefined;
}

/** A fingerprint of every branch, tag and remote branch and where it points: it changes with any commit, branch or tag. */
export async function refsFingerprint(cwd: string): Promise<string> {
  return git(['for-each-ref', '--format=%(refname) %(objectname)'], cwd).catch(() => '');
}

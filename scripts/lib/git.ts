import { execFile } from 'node:child_process';
import { relative, sep } from 'node:path';
import { promisify } from 'node:util';
import { UserError } from './errors.ts';
import { limits, tooLarge } from './limits.ts';
import type { SpecReader } from './spec-model.ts';

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

export async function gitTopLevel(cwd: string): Promise<string> {
  try {
    return (await run('git', ['rev-parse', '--show-toplevel'], { cwd })).stdout.trim();
  } catch {
    throw new UserError(`${cwd} is not inside a git repository`);
  }
}

/** Fails with a clear message when `ref` names no commit. */
export async function verifyRef(ref: string, cwd: string): Promise<string> {
  try {
    return (await run('git', ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], { cwd })).stdout.trim();
  } catch {
    throw new UserError(`unknown git ref "${ref}": no branch, tag or commit has that name`);
  }
}

/** Reads files as they are at a git ref, without checking anything out: the working tree is never touched. */
export async function gitReader(ref: string, cwd: string, label = ref): Promise<SpecReader> {
  await verifyRef(ref, cwd);
  return blobReader(ref, await gitTopLevel(cwd), label);
}

/** Reads files as they are staged (the git index): what the next commit will contain. */
export async function gitIndexReader(cwd: string): Promise<SpecReader> {
  return blobReader('', await gitTopLevel(cwd));
}

/** `label` names the ref in messages (a branch name where `ref` is its commit id). */
function blobReader(ref: string, top: string, label = ref): SpecReader {
  const toRepoPath = (absPath: string) => relative(top, absPath).split(sep).join('/');
  return {
    async read(absPath) {
      const rel = toRepoPath(absPath);
      if (rel.startsWith('..')) return undefined;
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
        throw new UserError(`${ref}:${rel}: cannot read from git (${stderr.trim().split('\n')[0]})`);
      }
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

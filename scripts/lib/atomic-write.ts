import { link, lstat, mkdir, open, readdir, rename, rm, readFile, writeFile } from 'node:fs/promises';
import { dirname, basename, join, relative, isAbsolute, sep } from 'node:path';
import { randomBytes } from 'node:crypto';
import { UserError } from './errors.ts';

/**
 * Output goes only where it was meant to: every folder between `within` and the file must be a real
 * folder, not a symlink (a `generated/<domain>` linked elsewhere would make a write land outside the
 * repository), and the file must lie inside `within`.
 */
export async function assertWritableWithin(within: string, path: string): Promise<void> {
  const rel = relative(within, path);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) throw new UserError(`${path}: outside ${within}, not written`);
  let current = within;
  for (const part of rel.split(sep).slice(0, -1)) {
    current = join(current, part);
    const info = await lstat(current).catch(() => undefined);
    if (!info) return; // created by mkdir below: a real folder
    if (info.isSymbolicLink()) throw new UserError(`${relative(process.cwd(), current) || current}: is a symbolic link; refusing to write through it`);
    if (!info.isDirectory()) throw new UserError(`${relative(process.cwd(), current) || current}: is not a folder`);
  }
}

/**
 * Writes through a temporary file in the same folder, flushed, then renamed over the target:
 * a crash at any point leaves either the old complete file or the new complete file.
 */
export async function writeFileAtomic(path: string, content: string | Uint8Array, within?: string): Promise<void> {
  if (within !== undefined) await assertWritableWithin(within, path);
  await mkdir(dirname(path), { recursive: true });
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'w');
  try {
    await handle.writeFile(content);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  try {
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** Creates a file that must not exist yet, atomically: an existing file is never overwritten. */
export async function createFileAtomic(path: string, content: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  await writeFile(temp, content, { flag: 'wx' });
  try {
    await link(temp, path); // fails with EEXIST instead of replacing, unlike rename
  } finally {
    await rm(temp, { force: true });
  }
}

/**
 * Removes the temporary files a killed run left behind in `dir` (and below): they are never the real
 * file, only debris of an interrupted atomic write.
 */
export async function removeStaleTempFiles(dir: string): Promise<void> {
  const entries = await readdir(dir, { recursive: true }).catch(() => [] as string[]);
  await Promise.all(entries.filter((f) => /(^|\/)\.[^/]+\.[0-9a-f]{12}\.tmp$/.test(f)).map((f) => rm(join(dir, f), { force: true })));
}

/** Leaves an up-to-date file alone, so its timestamp and any watcher stay quiet. Returns whether it wrote. */
export async function writeIfChanged(path: string, content: string, within?: string): Promise<boolean> {
  if (within !== undefined) await assertWritableWithin(within, path);
  const current = await readFile(path, 'utf8').catch(() => undefined);
  if (current === content) return false;
  await writeFileAtomic(path, content, within);
  return true;
}

import { link, mkdir, open, readdir, rename, rm, readFile, writeFile } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * Writes through a temporary file in the same folder, flushed, then renamed over the target:
 * a crash at any point leaves either the old complete file or the new complete file.
 */
export async function writeFileAtomic(path: string, content: string | Uint8Array): Promise<void> {
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
export async function writeIfChanged(path: string, content: string): Promise<boolean> {
  const current = await readFile(path, 'utf8').catch(() => undefined);
  if (current === content) return false;
  await writeFileAtomic(path, content);
  return true;
}

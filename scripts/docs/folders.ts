/**
 * Folders of the docs site come from ref names (chosen by whoever pushes) and from the site's
 * manifest (read back from gh-pages, which anyone who could push there may have edited): both are
 * untrusted. Nothing is read, written or removed through a folder name that did not pass here.
 */
import { existsSync, realpathSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';

/** `working-copy`, or `branches/…`/`tags/…` made of the characters folderOf produces, never `.` or `..`. */
const FOLDER = /^(working-copy|(branches|tags)(\/[A-Za-z0-9@_-][A-Za-z0-9.@_-]*)+)$/;

export function isSafeFolder(folder: unknown): folder is string {
  return typeof folder === 'string' && FOLDER.test(folder) && !folder.split('/').some((part) => part === '.' || part === '..');
}

/**
 * The absolute path of a site folder, when it is a safe name that lies inside `out` also after
 * symlinks are followed (a folder that is a symlink to elsewhere is refused); undefined otherwise.
 */
export function folderInside(out: string, folder: unknown): string | undefined {
  if (!isSafeFolder(folder)) return undefined;
  const path = resolve(out, folder);
  const inside = (root: string, p: string) => {
    const rel = relative(root, p);
    return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
  };
  if (!inside(resolve(out), path)) return undefined;
  // Every existing part of the path must be inside the site once its symlinks are resolved.
  if (existsSync(out)) {
    const realOut = realpathSync(out);
    let current = path;
    while (!existsSync(current)) current = join(current, '..');
    const real = realpathSync(current);
    if (real !== realOut && !inside(realOut, real)) return undefined;
  }
  return path;
}

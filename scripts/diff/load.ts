import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { bundleModel } from '../lib/bundle.ts';
import { UserError } from '../lib/errors.ts';
import { gitReader, gitTopLevel } from '../lib/git.ts';
import { findRepoRoot } from '../lib/repo.ts';
import { assertResolvable, loadSpec } from '../lib/spec-model.ts';
import type { JsonObject } from '../model/openapi-index.ts';

export interface DiffSide {
  /** How the side is named in messages: the path or `<ref>:<path>`. */
  label: string;
  /** The resolved document, or null when the file does not exist at that ref (a new or removed domain). */
  document: JsonObject | null;
}

/**
 * Loads one side of a comparison: a file path, or `<git-ref>:<path>` (path from the repository's
 * top) read from git without touching the working tree.
 */
export async function loadSide(arg: string): Promise<DiffSide> {
  const cwd = process.cwd();
  const ref = /^([^:]+):(.+)$/.exec(arg);
  if (existsSync(arg) || !ref || /^[a-zA-Z]:[\\/]/.test(arg)) {
    if (!existsSync(arg)) throw new UserError(`${arg}: no such file (to compare a file at a git ref, write <ref>:<path>, e.g. master:specs/payments.yaml)`);
    const model = await loadSpec(arg, { boundary: findRepoRoot(resolve(arg, '..')) });
    return { label: arg, document: await resolvedDocument(model) };
  }
  const [, gitRef, path] = ref;
  const reader = await gitReader(gitRef, cwd);
  const top = await gitTopLevel(cwd);
  const absPath = resolve(top, path);
  if ((await reader.read(absPath)) === undefined) return { label: arg, document: null };
  const model = await loadSpec(absPath, { reader, boundary: top });
  return { label: arg, document: await resolvedDocument(model) };
}

/** Single-file specs are compared as they are; multi-file ones through their bundle (every $ref internal). */
async function resolvedDocument(model: Awaited<ReturnType<typeof loadSpec>>): Promise<JsonObject> {
  assertResolvable(model);
  if (model.files.size === 1) return model.document;
  return (await bundleModel(model)).document;
}

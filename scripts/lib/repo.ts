import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, isAbsolute, sep } from 'node:path';
import { UserError } from './errors.ts';

/** The repository's top folder: the nearest ancestor of `from` that holds `specs/`, else `from`. */
export function findRepoRoot(from = process.cwd()): string {
  let dir = resolve(from);
  for (;;) {
    if (existsSync(specsDir(dir)) && statSync(specsDir(dir)).isDirectory()) return dir;
    const parent = dirname(dir);
    if (parent === dir) return resolve(from);
    dir = parent;
  }
}

export const DOMAIN_NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** generated/<this>/ is the shared runtime package every domain package depends on: no domain may take the name. */
export const RUNTIME_PACKAGE = 'api-runtime';

/** Why `name` cannot be a domain, or undefined when it can. */
export function domainNameProblem(name: string): string | undefined {
  if (!DOMAIN_NAME.test(name)) return 'use lower-case words joined by hyphens, e.g. loyalty-points';
  if (name === RUNTIME_PACKAGE) return `generated/${RUNTIME_PACKAGE}/ holds the shared runtime package; choose another name`;
  return undefined;
}

/**
 * Domains are the `specs/<domain>.yaml` files, sorted so every command sees them in the same order.
 * A domain name reaches file paths, URLs, HTML and generated code: any other file directly in specs/
 * (a name that is not a domain name, a device, a link to nowhere) is refused naming the file.
 */
export function listDomains(root: string): string[] {
  const specs = specsDir(root);
  if (!existsSync(specs)) throw new UserError(`${displayPath(specs)}: no specs/ folder; run apis from the repository`);
  const names: string[] = [];
  for (const entry of readdirSync(specs, { withFileTypes: true })) {
    const path = join(specs, entry.name);
    if (entry.isDirectory()) continue; // shared files referenced by $ref live in sub-folders
    const file = entry.isSymbolicLink() ? statSync(path, { throwIfNoEntry: false }) : undefined;
    if (entry.isSymbolicLink() && file?.isDirectory()) continue;
    if (entry.name === `${RUNTIME_PACKAGE}.yaml`) throw new UserError(`${displayPath(path)}: "${RUNTIME_PACKAGE}" ${domainNameProblem(RUNTIME_PACKAGE)}`);
    if (!(entry.isFile() || file?.isFile()) || !isDomainFile(entry.name)) {
      throw new UserError(
        `${displayPath(path)}: specs/ holds one <domain>.yaml per domain, named in lower-case words joined by hyphens (e.g. loyalty-points.yaml); move or rename this file`,
      );
    }
    names.push(entry.name);
  }
  return domainsOf(names);
}

function isDomainFile(name: string): boolean {
  return name.endsWith('.yaml') && domainNameProblem(name.slice(0, -'.yaml'.length)) === undefined;
}

/** The domains among the file names of a specs/ folder (on disk or at a git ref); names that are no domain names are not domains. */
export function domainsOf(fileNames: string[]): string[] {
  return fileNames
    .filter(isDomainFile)
    .map((name) => name.slice(0, -'.yaml'.length))
    .sort();
}

/**
 * The repository layout, spelled here only: one `specs/<domain>.yaml` per domain, its generated
 * package in `generated/<domain>/`. Paths relative to the repository use `/` on every system.
 */
export const SPECS_DIR = 'specs';
export const GENERATED_DIR = 'generated';

export function specsDir(root: string): string {
  return join(root, SPECS_DIR);
}

export function specPathOf(root: string, domain: string): string {
  return join(root, SPECS_DIR, `${domain}.yaml`);
}

/** `specs/payments.yaml`: the spec's path from the repository's top, as people and git name it. */
export function specRelPath(domain: string): string {
  return `${SPECS_DIR}/${domain}.yaml`;
}

export function generatedDir(root: string, domain: string): string {
  return join(root, GENERATED_DIR, domain);
}

/** `generated/payments`: the generated package's folder from the repository's top. */
export function generatedRelPath(domain: string): string {
  return `${GENERATED_DIR}/${domain}`;
}

/** A path from `from` to `to` with `/` separators (git, CODEOWNERS, messages), whatever the system. */
export function posixRelative(from: string, to: string): string {
  return relative(from, to).split(sep).join('/');
}

/** Picks the named domains (all when none are named), refusing unknown names with the list of known ones. */
export function selectDomains(root: string, requested: string[], known: string[] = listDomains(root)): string[] {
  if (requested.length === 0) return known;
  for (const name of requested) {
    if (!known.includes(name)) {
      throw new UserError(`unknown domain "${name}": specs/${name}.yaml does not exist (known: ${known.join(', ') || 'none'})`);
    }
  }
  return [...new Set(requested)];
}

/** Paths are shown relative to the working folder, the way people typed them. */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? path : rel;
}

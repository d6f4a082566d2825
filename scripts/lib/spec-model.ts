import type { Stats } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import { dirname, resolve, relative, isAbsolute, sep } from 'node:path';
import { UserError } from './errors.ts';
import { limits, tooLarge } from './limits.ts';
import { displayPath } from './repo.ts';
import { decodeText, parseSource, type ParsedSource } from './yaml-source.ts';
import { hasOwn, pointerOf, pointerSegment, refFragmentToPath, specialMembers } from '../model/pointer.ts';
import type { JsonObject } from '../model/openapi-index.ts';

/** Where spec files come from: the working tree, or (for other commands) a git ref. */
export interface SpecReader {
  /** Bytes of the file, or undefined when it does not exist. Throws UserError when it cannot be read. */
  read(absPath: string): Promise<Uint8Array | undefined>;
  /** How a file is named in messages. */
  label(absPath: string): string;
  /** Names of the files in a folder, or undefined when there is no such folder. Readers of git refs only. */
  list?(absDir: string): Promise<string[] | undefined>;
  /** Where a file really is once symlinks are followed (readers of the working tree only). */
  realPath?(absPath: string): Promise<string | undefined>;
}

export const workingTree: SpecReader = {
  async read(absPath) {
    let info: Stats;
    try {
      info = await stat(absPath);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw new UserError(`${displayPath(absPath)}: cannot read (${(error as NodeJS.ErrnoException).code})`);
    }
    if (info.isDirectory()) throw new UserError(`${displayPath(absPath)}: is a folder, not a spec file`);
    // A device (/dev/zero reports size 0 and never ends), a FIFO or a socket is no spec file.
    if (!info.isFile()) throw new UserError(`${displayPath(absPath)}: is not a regular file (a device, pipe or socket), not read`);
    if (info.size > limits.maxInputBytes) throw tooLarge(displayPath(absPath), info.size);
    try {
      return await readFile(absPath);
    } catch (error) {
      throw new UserError(`${displayPath(absPath)}: cannot read (${(error as NodeJS.ErrnoException).code})`);
    }
  },
  label: displayPath,
  realPath: (absPath) => realpath(absPath).catch(() => undefined),
};

/** Whether `path` lies inside `root` (or is `root`). */
function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..' + sep) && rel !== '..' && !isAbsolute(rel));
}

/** Refuses a file whose real path (symlinks followed) leaves the repository. */
async function assertInsideByRealPath(reader: SpecReader, absPath: string, boundary: string, where: () => string): Promise<void> {
  if (!reader.realPath) return;
  const real = await reader.realPath(absPath);
  const realBoundary = (await reader.realPath(boundary)) ?? boundary;
  if (real !== undefined && !isInside(realBoundary, real)) throw new UserError(`${where()}: is a symbolic link to a file outside the repository, refused`);
}

export interface RefProblem {
  file: string;
  line: number;
  column: number;
  pointer: string;
  ref: string;
  message: string;
  /** A chain of $refs that leads back to itself: valid to resolve, but a schema with no content. */
  cycle?: true;
}

/** One spec, loaded once: every command reads this instead of parsing files itself. */
export interface SpecModel {
  /** The root file's name for messages. */
  file: string;
  /** The root file's absolute path. */
  path: string;
  root: ParsedSource;
  document: JsonObject;
  version: '3.0' | '3.1';
  /** Every file reached through $ref, the root included, by absolute path. */
  files: Map<string, ParsedSource>;
  /** $refs whose file or pointer does not exist. Lint reports them as findings; other commands refuse. */
  refProblems: RefProblem[];
  reader: SpecReader;
}

export interface LoadOptions {
  reader?: SpecReader;
  /** $refs may not leave this folder (the repository). */
  boundary: string;
}

export async function loadSpec(path: string, options: LoadOptions): Promise<SpecModel> {
  const reader = options.reader ?? workingTree;
  const absPath = resolve(path);
  const label = reader.label(absPath);
  await assertInsideByRealPath(reader, absPath, resolve(options.boundary), () => label);
  const root = await readParsed(reader, absPath);
  if (!root) throw new UserError(`${label}: no such file`);
  const document = root.value;
  const version = checkOpenApi(document, label);
  const files = new Map<string, ParsedSource>([[absPath, root]]);
  const refProblems = await followRefs(root, absPath, files, reader, resolve(options.boundary));
  refProblems.push(...refCycles(files));
  return { file: label, path: absPath, root, document: document as JsonObject, version, files, refProblems, reader };
}

/** Commands that need a complete document call this; lint reports the problems as findings instead. */
export function assertResolvable(model: SpecModel): void {
  const first = model.refProblems[0];
  if (first) throw new UserError(`${first.file}:${first.line}:${first.column}: ${first.message}`);
}

async function readParsed(reader: SpecReader, absPath: string): Promise<ParsedSource | undefined> {
  const bytes = await reader.read(absPath);
  if (bytes === undefined) return undefined;
  const label = reader.label(absPath);
  if (bytes.byteLength > limits.maxInputBytes) throw tooLarge(label, bytes.byteLength);
  return parseSource(decodeText(bytes, label), label);
}

function checkOpenApi(document: unknown, label: string): '3.0' | '3.1' {
  if (document === null || typeof document !== 'object' || Array.isArray(document)) {
    throw new UserError(`${label}: not an OpenAPI document (expected a mapping with an "openapi" field)`);
  }
  const doc = document as Record<string, unknown>;
  if (doc.swagger !== undefined) {
    throw new UserError(`${label}: is Swagger ${String(doc.swagger)}; convert it to OpenAPI 3 first (for example: npx swagger2openapi ${label} -o out.yaml)`);
  }
  const version = doc.openapi;
  if (typeof version !== 'string') throw new UserError(`${label}: not an OpenAPI document (no "openapi" version field)`);
  const match = /^3\.([01])\.\d+$/.exec(version);
  if (!match) throw new UserError(`${label}: OpenAPI ${version} is not supported (supported: 3.0.x and 3.1.x)`);
  return match[1] === '0' ? '3.0' : '3.1';
}

const URL_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** Walks every $ref once, loading the files they name; iterative so deep documents cannot overflow the stack. */
async function followRefs(root: ParsedSource, rootPath: string, files: Map<string, ParsedSource>, reader: SpecReader, boundary: string): Promise<RefProblem[]> {
  const problems: RefProblem[] = [];
  const queue: Array<[string, ParsedSource, number]> = [[rootPath, root, 0]];
  const missing = new Set<string>();
  while (queue.length > 0) {
    const [filePath, source, depth] = queue.shift()!;
    for (const { ref, pointer } of collectRefs(source.value)) {
      const at = () => ({ file: source.file, pointer, ref, ...source.position(pointer + '/$ref') });
      const hash = ref.indexOf('#');
      const target = hash === -1 ? ref : ref.slice(0, hash);
      const fragment = hash === -1 ? '' : ref.slice(hash + 1);
      let targetPath = filePath;
      if (target !== '') {
        if (URL_SCHEME.test(target)) {
          const p = at();
          throw new UserError(
            `${p.file}:${p.line}:${p.column}: $ref to a URL (${ref}) is refused: contracts must not depend on the network; copy the schema into the repository`,
          );
        }
        const decoded = decodeUriPart(target);
        if (decoded === undefined) {
          problems.push({ ...at(), message: `$ref ${ref}: malformed percent-encoding in the file name` });
          continue;
        }
        targetPath = resolve(dirname(filePath), decoded);
        const rel = relative(boundary, targetPath);
        if (rel.startsWith('..' + sep) || rel === '..' || isAbsolute(rel)) {
          const p = at();
          throw new UserError(`${p.file}:${p.line}:${p.column}: $ref ${ref} points outside the repository and is refused`);
        }
        if (!files.has(targetPath) && !missing.has(targetPath)) {
          await assertInsideByRealPath(reader, targetPath, boundary, () => {
            const p = at();
            return `${p.file}:${p.line}:${p.column}: $ref ${ref}`;
          });
          const loaded = await readParsed(reader, targetPath);
          if (loaded) {
            files.set(targetPath, loaded);
            if (files.size > limits.maxRefFiles) {
              throw new UserError(`${source.file}: more than ${limits.maxRefFiles} files reached through $ref (raise the limit with APIS_MAX_REF_FILES=<n>)`);
            }
            if (depth + 1 > limits.maxRefDepth) {
              const p = at();
              throw new UserError(
                `${p.file}:${p.line}:${p.column}: $ref ${ref} goes more than ${limits.maxRefDepth} files deep (raise the limit with APIS_MAX_REF_DEPTH=<n>)`,
              );
            }
            queue.push([targetPath, loaded, depth + 1]);
          } else {
            missing.add(targetPath);
          }
        }
        if (missing.has(targetPath)) {
          problems.push({ ...at(), message: `$ref ${ref}: file ${reader.label(targetPath)} does not exist` });
          continue;
        }
      }
      if (fragment === '') continue;
      const segments = refFragmentToPath(fragment);
      if (!segments) problems.push({ ...at(), message: `$ref ${ref}: malformed percent-encoding in the JSON pointer` });
      else if (!hasPointer(files.get(targetPath)!.value, segments))
        problems.push({ ...at(), message: `$ref ${ref}: no such location in ${reader.label(targetPath)}` });
    }
  }
  return problems;
}

/** Every $ref of a parsed file with where it is, in document order. */
function collectRefs(value: unknown): Array<{ ref: string; pointer: string }> {
  return specialMembers(value).refs.map(({ path, ref }) => ({ ref, pointer: pointerOf(path) }));
}

function hasPointer(value: unknown, segments: string[]): boolean {
  let node: unknown = value;
  for (const segment of segments) {
    if (!hasOwn(node, segment)) return false;
    node = (node as Record<string, unknown>)[segment];
  }
  return true;
}

function decodeUriPart(part: string): string | undefined {
  try {
    return decodeURIComponent(part);
  } catch {
    return undefined;
  }
}

/**
 * $refs that lead only to other $refs and back (`A: {$ref: B}`, `B: {$ref: A}`). Each site has at
 * most one target, so following the chain from every site finds each cycle; it is reported once.
 */
function refCycles(files: Map<string, ParsedSource>): RefProblem[] {
  const target = new Map<string, string>();
  const sites = new Map<string, { source: ParsedSource; pointer: string; ref: string }>();
  for (const [filePath, source] of files) {
    for (const { ref, pointer } of collectRefs(source.value)) {
      const hash = ref.indexOf('#');
      const file =
        hash === 0 || (hash === -1 && ref === '') ? filePath : resolve(dirname(filePath), decodeUriPart(hash === -1 ? ref : ref.slice(0, hash)) ?? '');
      const segments = refFragmentToPath(hash === -1 ? '' : ref.slice(hash + 1));
      const from = `${filePath}#${pointer}`;
      sites.set(from, { source, pointer, ref });
      if (segments && files.has(file))
        target.set(
          from,
          `${file}#${segments
            .map(pointerSegment)
            .map((s) => `/${s}`)
            .join('')}`,
        );
    }
  }
  const problems: RefProblem[] = [];
  const done = new Set<string>();
  for (const start of sites.keys()) {
    const chain: string[] = [];
    const seen = new Set<string>();
    let at: string | undefined = start;
    while (at !== undefined && sites.has(at) && !seen.has(at) && !done.has(at)) {
      seen.add(at);
      chain.push(at);
      at = target.get(at);
    }
    for (const c of chain) done.add(c);
    if (at === undefined || !seen.has(at)) continue;
    const loop = chain.slice(chain.indexOf(at));
    const first = sites.get(loop[0])!;
    const shown = loop.map((k) => sites.get(k)!.ref);
    problems.push({
      file: first.source.file,
      pointer: first.pointer,
      ref: first.ref,
      ...first.source.position(`${first.pointer}/$ref`),
      message: `$ref cycle: ${[...shown, shown[0]].join(' → ')}: these schemas only point at each other and never say what a value is`,
      cycle: true,
    });
  }
  return problems;
}

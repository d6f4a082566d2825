import { LineCounter, parseDocument, isMap, isSeq, isScalar, isPair, type Node, type Document } from 'yaml';
import { UserError } from './errors.ts';

/** A parsed YAML or JSON file that can still tell where each node came from. */
export interface ParsedSource {
  file: string;
  text: string;
  value: unknown;
  /** 1-based line and column of the node at a JSON pointer (the nearest existing ancestor if it is missing). */
  position(pointer: string): { line: number; column: number };
}

/** Aliases expand into copies; a handful is normal, thousands is an alias bomb. */
const MAX_ALIAS_COUNT = 1000;

export function decodeText(bytes: Uint8Array, file: string): string {
  if (bytes.includes(0)) throw new UserError(`${file}: not a text file (it contains NUL bytes)`);
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new UserError(`${file}: not valid UTF-8 text`);
  }
}

export function parseSource(text: string, file: string): ParsedSource {
  if (text.trim() === '') throw new UserError(`${file}: the file is empty`);
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true, version: '1.2' });
  const problem = doc.errors[0];
  if (problem) {
    const { line, col } = lineCounter.linePos(problem.pos[0]);
    const reason = problem.code === 'DUPLICATE_KEY' ? 'duplicate key' : problem.message.split('\n')[0].replace(/ at line \d+, column \d+.*$/, '');
    throw new UserError(`${file}:${line}:${col}: YAML syntax error: ${reason}`);
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/alias/i.test(message)) throw new UserError(`${file}: refused: too many YAML alias expansions (a possible alias bomb)`);
    throw error;
  }
  return { file, text, value, position: (pointer) => positionOf(doc, lineCounter, pointer) };
}

export function pointerToPath(pointer: string): string[] {
  if (pointer === '' || pointer === '#' || pointer === '/') return [];
  return pointer.replace(/^#/, '').split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function pathToPointer(path: ReadonlyArray<string | number>): string {
  return path.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

function positionOf(doc: Document, lines: LineCounter, pointer: string): { line: number; column: number } {
  let node: Node | null | undefined = doc.contents;
  let keyNode: Node | undefined;
  for (const segment of pointerToPath(pointer)) {
    let next: Node | undefined;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && String(isScalar(p.key) ? p.key.value : p.key) === segment);
      if (pair) {
        keyNode = pair.key as Node;
        next = pair.value as Node | undefined;
        if (!next) break;
      }
    } else if (isSeq(node)) {
      next = node.items[Number(segment)] as Node | undefined;
      keyNode = undefined;
    }
    if (!next) break;
    node = next;
  }
  const offset = (keyNode ?? node)?.range?.[0] ?? 0;
  const { line, col } = lines.linePos(offset);
  return { line, column: col };
}

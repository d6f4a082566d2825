import { visit } from 'jsonc-parser';
import { LineCounter, parseDocument, isMap, isSeq, isScalar, isPair, type Node, type Document } from 'yaml';
import { UserError } from './errors.ts';
import { limits } from './limits.ts';
import { pointerSegment, pointerToPath } from '../model/pointer.ts';

/** A parsed YAML or JSON file that can still tell where each node came from. */
export interface ParsedSource {
  file: string;
  text: string;
  value: unknown;
  /** 1-based line and column of the node at a JSON pointer (the nearest existing ancestor if it is missing). */
  position(pointer: string): Position;
  /** The same for many pointers at once: one pass over a JSON file instead of one lookup each. */
  positions(pointers: Iterable<string>): Map<string, Position>;
}

export interface Position {
  line: number;
  column: number;
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
  // JSON is parsed natively (much faster and leaner on large vendor specs); the offset tree that
  // gives line numbers is built only when a position is first asked for.
  if (/^\s*[{[]/.test(text)) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      value = undefined;
    }
    if (value !== undefined) {
      checkDepth(value, file);
      const positions = (pointers: Iterable<string>) => jsonPositions(text, pointers);
      return { file, text, value, positions, position: (pointer) => positions([pointer]).get(pointer)! };
    }
  }
  const lineCounter = new LineCounter();
  let doc: Document;
  try {
    doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true, version: '1.2' });
  } catch (error) {
    if (error instanceof RangeError) throw new UserError(`${file}: nested too deeply to parse (the limit is ${limits.maxDepth} levels)`);
    throw error;
  }
  const problem = doc.errors[0];
  if (problem && /call stack/i.test(problem.message)) throw new UserError(`${file}: nested too deeply to parse (the limit is ${limits.maxDepth} levels)`);
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
    if (error instanceof RangeError) throw new UserError(`${file}: nested too deeply to parse (the limit is ${limits.maxDepth} levels)`);
    throw error;
  }
  checkDepth(value, file);
  const position = (pointer: string) => positionOf(doc, lineCounter, pointer);
  return { file, text, value, position, positions: (pointers) => new Map([...pointers].map((p) => [p, position(p)])) };
}

/** Refuses documents nested deeper than the limit, iteratively so the check itself cannot overflow. */
function checkDepth(value: unknown, file: string): void {
  const max = limits.maxDepth;
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (depth >= max) throw new UserError(`${file}: nested more than ${max} levels deep (raise the limit with APIS_MAX_DEPTH=<levels>)`);
    for (const child of Array.isArray(node) ? node : Object.values(node)) {
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
    }
  }
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

/**
 * Finds where JSON pointers are in a JSON text with one streaming pass (jsonc-parser's visitor),
 * keeping no syntax tree: a 13 MB vendor spec would need hundreds of megabytes for one.
 * A pointer that does not exist gets the position of its nearest existing ancestor.
 */
function jsonPositions(text: string, pointers: Iterable<string>): Map<string, Position> {
  const wanted = new Set<string>();
  for (const pointer of pointers) {
    for (let p = pointer; ; p = p.slice(0, p.lastIndexOf('/'))) {
      wanted.add(p);
      if (p === '') break;
    }
  }
  const found = new Map<string, Position>();
  // Each open container's pointer; arrays also count their elements. Inside a container that no
  // wanted pointer goes through, only the depth is counted: no strings are built there.
  const stack: Array<{ pointer: string; index: number | null }> = [];
  let skipDepth = 0;
  let key = '';
  const note = (pointer: string, line: number, character: number) => {
    if (wanted.has(pointer) && !found.has(pointer)) found.set(pointer, { line: line + 1, column: character + 1 });
  };
  /** The pointer of the value that starts now; an object member was already noted at its key. */
  const valueStarts = (line: number, character: number): string => {
    const top = stack[stack.length - 1];
    if (!top) {
      note('', line, character);
      return '';
    }
    if (top.index === null) return `${top.pointer}/${pointerSegment(key)}`;
    const pointer = `${top.pointer}/${top.index++}`;
    note(pointer, line, character);
    return pointer;
  };
  const enter = (isArray: boolean, line: number, character: number) => {
    if (skipDepth > 0) {
      skipDepth++;
      return;
    }
    const pointer = valueStarts(line, character);
    if (wanted.has(pointer)) stack.push({ pointer, index: isArray ? 0 : null });
    else skipDepth = 1;
  };
  const leave = () => {
    if (skipDepth > 0) skipDepth--;
    else stack.pop();
  };
  visit(text, {
    onObjectBegin: (_o, _l, line, character) => enter(false, line, character),
    onArrayBegin: (_o, _l, line, character) => enter(true, line, character),
    onObjectEnd: leave,
    onArrayEnd: leave,
    onObjectProperty: (property, _o, _l, line, character) => {
      if (skipDepth > 0) return;
      key = property;
      note(`${stack[stack.length - 1].pointer}/${pointerSegment(property)}`, line, character);
    },
    onLiteralValue: (_v, _o, _l, line, character) => {
      if (skipDepth === 0) valueStarts(line, character);
    },
  });
  const result = new Map<string, Position>();
  for (const pointer of pointers) {
    let p = pointer;
    while (!found.has(p) && p !== '') p = p.slice(0, p.lastIndexOf('/'));
    result.set(pointer, found.get(p) ?? { line: 1, column: 1 });
  }
  return result;
}

import { isUtf8 } from 'node:buffer';
import {
  LineCounter,
  parseDocument,
  isAlias,
  isMap,
  isSeq,
  isScalar,
  isPair,
  visit as visitYaml,
  type Node,
  type Document,
  type Pair,
  type YAMLMap,
} from 'yaml';
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

export function decodeText(bytes: Uint8Array, file: string): string {
  if (bytes.includes(0)) throw new UserError(`${file}: not a text file (it contains NUL bytes)`);
  // isUtf8 and a plain decode instead of a fatal TextDecoder, whose ICU converter took 30 ms to set up on every run.
  if (!isUtf8(bytes)) throw new UserError(`${file}: not valid UTF-8 text`);
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
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
    // Duplicate keys are found by duplicateKey below: yaml's own check compares every key of a map
    // with every other, which is quadratic (40,000 paths took minutes).
    doc = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false, strict: true, version: '1.2' });
  } catch (error) {
    if (error instanceof RangeError) throw new UserError(`${file}: nested too deeply to parse (the limit is ${limits.maxDepth} levels)`);
    throw error;
  }
  const problem = doc.errors[0];
  if (problem && /call stack/i.test(problem.message)) throw new UserError(`${file}: nested too deeply to parse (the limit is ${limits.maxDepth} levels)`);
  if (problem) {
    const { line, col } = lineCounter.linePos(problem.pos[0]);
    const reason = problem.message.split('\n')[0].replace(/ at line \d+, column \d+.*$/, '');
    throw new UserError(`${file}:${line}:${col}: YAML syntax error: ${reason}`);
  }
  const duplicate = duplicateKey(doc);
  if (duplicate !== undefined) {
    const { line, col } = lineCounter.linePos(duplicate);
    throw new UserError(`${file}:${line}:${col}: YAML syntax error: duplicate key`);
  }
  try {
    checkExpandedSize(doc, file);
  } catch (error) {
    if (error instanceof RangeError) throw new UserError(`${file}: nested too deeply to parse (the limit is ${limits.maxDepth} levels)`);
    throw error;
  }
  let value: unknown;
  try {
    // The expansion is bounded above by size; yaml's own bound counts aliases (-1 turns it off).
    value = doc.toJS({ maxAliasCount: -1 });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/alias/i.test(message)) throw new UserError(`${file}: YAML alias error: ${message.split('\n')[0]}`);
    if (error instanceof RangeError) throw new UserError(`${file}: nested too deeply to parse (the limit is ${limits.maxDepth} levels)`);
    throw error;
  }
  checkDepth(value, file);
  const keyIndex = new WeakMap<YAMLMap, Map<string, Pair>>();
  const position = (pointer: string) => positionOf(doc, lineCounter, pointer, keyIndex);
  return { file, text, value, position, positions: (pointers) => new Map([...pointers].map((p) => [p, position(p)])) };
}

/**
 * Refuses a document that grows past the node limit once its aliases are expanded (an alias bomb),
 * or whose alias refers to a node that contains it. One pass in document order, so an alias sees
 * the latest anchor of its name before it (YAML's rule); each anchored node's size is computed once.
 */
function checkExpandedSize(doc: Document, file: string): void {
  const max = limits.maxYamlNodes;
  const anchors = new Map<string, Node>();
  const sizes = new Map<Node, number>();
  const open = new Set<Node>();
  const refuse = (why: string) => new UserError(`${file}: refused: ${why} (raise the limit with APIS_MAX_YAML_NODES=<nodes>)`);
  const size = (node: unknown): number => {
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      if (target === undefined) return 1; // toJS reports the unresolved alias
      if (open.has(target)) throw refuse(`the YAML alias *${node.source} refers to a node that contains it, an endless expansion`);
      return sizes.get(target) ?? 1;
    }
    if (!isMap(node) && !isSeq(node)) {
      if (isScalar(node) && node.anchor) anchors.set(node.anchor, node);
      return 1;
    }
    if (node.anchor) anchors.set(node.anchor, node);
    open.add(node);
    let total = 1;
    for (const item of node.items as unknown[]) {
      total += isPair(item) ? size(item.key) + size(item.value) : size(item);
      if (total > max) throw refuse(`more than ${max.toLocaleString('en')} YAML nodes once aliases are expanded (a possible alias bomb)`);
    }
    open.delete(node);
    if (node.anchor) sizes.set(node, total);
    return total;
  };
  size(doc.contents);
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

/** The offset of the first key that repeats an earlier key of the same map, or undefined. Linear: one Set per map. */
function duplicateKey(doc: Document): number | undefined {
  let found: number | undefined;
  visitYaml(doc, {
    Map(_key, map) {
      const seen = new Set<string>();
      for (const pair of map.items) {
        const key = keyText(pair);
        if (seen.has(key)) {
          found = (pair.key as Node | null)?.range?.[0] ?? map.range?.[0] ?? 0;
          return visitYaml.BREAK;
        }
        seen.add(key);
      }
      return undefined;
    },
  });
  return found;
}

function keyText(pair: Pair): string {
  return String(isScalar(pair.key) ? pair.key.value : pair.key);
}

/** Where a pointer is; each map's keys are indexed once (by `index`), so N lookups cost N × depth. */
function positionOf(doc: Document, lines: LineCounter, pointer: string, index: WeakMap<YAMLMap, Map<string, Pair>>): Position {
  let node: Node | null | undefined = doc.contents;
  let keyNode: Node | undefined;
  for (const segment of pointerToPath(pointer)) {
    let next: Node | undefined;
    if (isMap(node)) {
      let keys = index.get(node);
      if (!keys) {
        keys = new Map();
        for (const p of node.items) if (isPair(p) && !keys.has(keyText(p))) keys.set(keyText(p), p);
        index.set(node, keys);
      }
      const pair = keys.get(segment);
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
 * Finds where JSON pointers are in a JSON text (one that JSON.parse accepted) with one pass that
 * keeps no syntax tree: a 13 MB vendor spec would need hundreds of megabytes for one. Hand-written
 * rather than jsonc-parser's visitor, which decodes every key and value of the file and took 0.5 s
 * of `apis lint` on GitHub's description: this decodes only the keys of objects a wanted pointer
 * goes through and skips every other value by counting brackets. Lines and columns count as
 * jsonc-parser's do (CR, LF and CRLF end a line; columns in UTF-16 units), which the tests compare.
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
  let i = 0;
  let line = 0;
  let lineStart = 0;
  const note = (pointer: string) => {
    if (wanted.has(pointer) && !found.has(pointer)) found.set(pointer, { line: line + 1, column: i - lineStart + 1 });
  };
  const newline = (at: number) => {
    line++;
    lineStart = at + 1;
  };
  const skipSpace = () => {
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9) i++;
      else if (c === 10) newline(i++);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        newline(i++);
      } else return;
    }
  };
  /** Index after the string starting at `at` (JSON strings hold no raw line breaks). */
  const stringEnd = (at: number): number => {
    for (let j = at + 1; ; j++) {
      j = text.indexOf('"', j);
      if (j === -1) return text.length;
      let backslashes = 0;
      while (text.charCodeAt(j - 1 - backslashes) === 92) backslashes++;
      if (backslashes % 2 === 0) return j + 1;
    }
  };
  const skipValue = () => {
    let depth = 0;
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 34) {
        i = stringEnd(i);
        if (depth === 0) return;
        continue;
      }
      if (c === 123 || c === 91) depth++;
      else if (c === 125 || c === 93) {
        if (depth === 0) return; // the end of the container around a literal
        if (--depth === 0) {
          i++;
          return;
        }
      } else if (depth === 0 && (c === 44 || c === 32 || c === 9 || c === 10 || c === 13 || Number.isNaN(c))) return;
      else if (c === 10) newline(i);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        newline(i);
      }
      i++;
    }
  };
  // Each open container a wanted pointer goes through; arrays also count their elements.
  const stack: Array<{ pointer: string; index: number | null }> = [];
  const start = (pointer: string) => {
    const c = text.charCodeAt(i);
    if ((c === 123 || c === 91) && wanted.has(pointer)) {
      stack.push({ pointer, index: c === 91 ? 0 : null });
      i++;
    } else skipValue();
  };
  skipSpace();
  note('');
  start('');
  while (stack.length > 0) {
    skipSpace();
    const c = text.charCodeAt(i);
    if (c === 125 || c === 93) {
      i++;
      stack.pop();
      continue;
    }
    if (c === 44) {
      i++;
      skipSpace();
    }
    const top = stack[stack.length - 1];
    if (top.index === null) {
      // A member is noted at its key.
      const end = stringEnd(i);
      const raw = text.slice(i + 1, end - 1);
      const child = `${top.pointer}/${pointerSegment(raw.includes('\\') ? (JSON.parse(text.slice(i, end)) as string) : raw)}`;
      note(child);
      i = end;
      skipSpace();
      i++; // the colon
      skipSpace();
      start(child);
    } else {
      const child = `${top.pointer}/${top.index++}`;
      note(child);
      start(child);
    }
  }
  const result = new Map<string, Position>();
  for (const pointer of pointers) {
    let p = pointer;
    while (!found.has(p) && p !== '') p = p.slice(0, p.lastIndexOf('/'));
    result.set(pointer, found.get(p) ?? { line: 1, column: 1 });
  }
  return result;
}

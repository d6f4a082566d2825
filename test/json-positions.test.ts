import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findNodeAtLocation, parseTree, type Node } from 'jsonc-parser';
import { describe, expect, it } from 'vitest';
import { parseSource, type Position } from '../scripts/lib/yaml-source.ts';
import { pointerOf, pointerToPath } from '../scripts/model/pointer.ts';
import { REPO } from './helpers.ts';

/** Every pointer of a parsed JSON value, the document itself included. */
function allPointers(value: unknown, path: Array<string | number> = [], out: string[] = []): string[] {
  out.push(pointerOf(path));
  if (Array.isArray(value)) for (const [i, v] of value.entries()) allPointers(v, [...path, i], out);
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) allPointers(v, [...path, k], out);
  return out;
}

/** The oracle: jsonc-parser's syntax tree (members at their key, as findings are shown), lines counted as its scanner does. */
function oracle(text: string, pointers: string[]): Map<string, Position> {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
    if (c === 10 || c === 13) lineStarts.push(i + 1);
  }
  const at = (offset: number): Position => {
    let line = 0;
    while (line + 1 < lineStarts.length && lineStarts[line + 1] <= offset) line++;
    return { line: line + 1, column: offset - lineStarts[line] + 1 };
  };
  const tree = parseTree(text)!;
  return new Map(
    pointers.map((pointer) => {
      const path = pointerToPath(pointer);
      // jsonc-parser takes array indexes as numbers only
      const find = (segments: string[]) => {
        let current: Node | undefined = tree;
        for (const segment of segments) current = current && findNodeAtLocation(current, [current.type === 'array' ? Number(segment) : segment]);
        return current;
      };
      let node = find(path);
      for (let p = path; !node; ) {
        p = p.slice(0, -1);
        node = find(p);
      }
      // A member: its key (the property node's first child); the first of duplicate keys.
      const member = node.parent?.type === 'property' ? node.parent : undefined;
      const first = member?.parent?.children?.find((c) => c.children?.[0]?.value === member.children?.[0]?.value);
      return [pointer, at((first ?? member ?? node).offset)];
    }),
  );
}

function expectSameAsOracle(text: string, extra: string[] = []): void {
  const source = parseSource(text, 'test.json');
  const pointers = [...allPointers(source.value), ...extra];
  expect(source.positions(pointers)).toEqual(oracle(text, pointers));
}

const tricky = {
  openapi: '3.1.0',
  'a"b': { 'x/y~z': [1, -2.5e3, true, false, null, 'é', '}', ']', '{[', '\\', 'quote " inside', '\\"'] },
  'é ü': { nested: [[], {}, [[{}]], { '': 'empty key' }] },
  escaped: { '\u2028line\u2029': 'separators', tab: 'a\tb' },
  paths: { '/v1/{id}': { get: { responses: { '200': { description: 'ok' } } } } },
};

describe('positions in JSON texts', () => {
  it('are those of jsonc-parser for every pointer, in indented, compact, tab and CRLF layouts', () => {
    const indented = JSON.stringify(tricky, null, 2);
    for (const text of [
      indented,
      JSON.stringify(tricky),
      JSON.stringify(tricky, null, '\t'),
      indented.replace(/\n/g, '\r\n'),
      indented.replace(/\n/g, '\r'),
      ` \n\n ${indented}\n`,
    ]) {
      expectSameAsOracle(text);
    }
  });

  it('decodes escaped keys and gives a missing pointer its nearest existing ancestor', () => {
    const text = '{\n  "a\\u0022b": {\n    "x\\/y": [\n      1\n    ]\n  }\n}';
    const source = parseSource(text, 'test.json');
    expect(source.positions(['/a"b/x~1y/0', '/a"b/x~1y/7/deeper', '/missing'])).toEqual(
      new Map([
        ['/a"b/x~1y/0', { line: 4, column: 7 }],
        ['/a"b/x~1y/7/deeper', { line: 3, column: 5 }],
        ['/missing', { line: 1, column: 1 }],
      ]),
    );
    expectSameAsOracle(text, ['/a"b/x~1y/7/deeper', '/missing']);
  });

  it('take the first of duplicate keys, as before', () => {
    expectSameAsOracle('{"a": {"b": 1},\n "a": {"b": 2}}');
    expect(parseSource('{"a": {"b": 1},\n "a": {"b": 2}}', 't.json').positions(['/a/b']).get('/a/b')).toEqual({ line: 1, column: 8 });
  });

  it('are those of jsonc-parser for every pointer of the bundled specs', () => {
    for (const domain of ['payments', 'orders', 'feedback']) {
      expectSameAsOracle(readFileSync(join(REPO, 'generated', domain, 'openapi.json'), 'utf8'));
    }
  });
});

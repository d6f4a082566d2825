/**
 * The layers of the toolchain hold: runtime (imports nothing of ours) < model (the OpenAPI index,
 * pointers, HTTP helpers) < lib < engines (lint, diff, generate, mock, docs, governance, and the
 * house rules) < commands < cli. Nothing imports upward, commands do not import each other, and no
 * module depends on itself through others. Imports are read with TypeScript's own pre-processor.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { REPO } from './helpers.ts';

const LAYERS: Array<[string, RegExp]> = [
  ['runtime', /^scripts\/runtime\//],
  ['model', /^scripts\/model\//],
  ['lib', /^scripts\/lib\//],
  ['engine', /^(scripts\/(lint|diff|generate|mock|docs|governance)\/|rules\/)/],
  ['command', /^scripts\/commands\//],
  ['cli', /^scripts\/(cli\.ts|bin\/)/],
  // Maintainer tools at the top: they may use anything, nothing uses them.
  ['tool', /^scripts\/(bench\/|build\.ts|corpus(-serve)?\.ts|changes-pages\.ts)/],
];

function layerOf(file: string): number {
  const i = LAYERS.findIndex(([, re]) => re.test(file));
  if (i === -1) throw new Error(`${file} belongs to no layer: add it to test/layers.test.ts`);
  return i;
}

function sources(dir: string): string[] {
  return (readdirSync(join(REPO, dir), { recursive: true, withFileTypes: true }) as Array<{ name: string; parentPath: string; isFile(): boolean }>)
    .filter((e) => e.isFile() && /\.(ts|js)$/.test(e.name) && !e.name.endsWith('.d.ts'))
    .map((e) => relative(REPO, join(e.parentPath, e.name)))
    .filter((f) => !/(^|\/)(dist|test|templates)\//.test(f) && !f.endsWith('.test.ts'));
}

/** The project files a file imports (statically or with import()), as paths from the repository root. */
function importsOf(file: string): string[] {
  const info = ts.preProcessFile(readFileSync(join(REPO, file), 'utf8'), true, true);
  return info.importedFiles
    .map((i) => i.fileName)
    .filter((name) => name.startsWith('.'))
    .map((name) => relative(REPO, resolve(REPO, dirname(file), name)));
}

const files = [...sources('scripts'), ...sources('rules')];
const graph = new Map(files.map((f) => [f, importsOf(f)]));

describe('the layers of the toolchain', () => {
  it('every import goes down a layer (or sideways between engines), never up, and commands stand alone', () => {
    const violations: string[] = [];
    for (const [file, imports] of graph) {
      const from = layerOf(file);
      for (const target of imports) {
        if (!graph.has(target)) continue; // a generated file (scripts/dist) or a JSON file
        const to = layerOf(target);
        const name = (i: number) => LAYERS[i][0];
        if (to > from) violations.push(`${file} (${name(from)}) imports ${target} (${name(to)})`);
        else if (to === from && name(from) === 'command') violations.push(`${file} imports another command, ${target}`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('the runtime every generated package carries imports nothing of the toolchain', () => {
    const runtime = files.filter((f) => layerOf(f) === 0);
    expect(runtime.length).toBeGreaterThan(0);
    for (const f of runtime)
      expect(
        graph.get(f)!.filter((t) => !t.startsWith('scripts/runtime/')),
        f,
      ).toEqual([]);
  });

  it('has no import cycles', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const stack: string[] = [];
    const visit = (f: string) => {
      state.set(f, 'open');
      stack.push(f);
      for (const t of graph.get(f) ?? []) {
        if (!graph.has(t)) continue;
        if (state.get(t) === 'open') cycles.push([...stack.slice(stack.indexOf(t)), t].join(' → '));
        else if (!state.has(t)) visit(t);
      }
      stack.pop();
      state.set(f, 'done');
    };
    for (const f of graph.keys()) if (!state.has(f)) visit(f);
    expect(cycles).toEqual([]);
  });

  it('sees the imports it judges (a file known to import across layers is read)', () => {
    expect(graph.get('scripts/commands/check.ts')).toContain('scripts/governance/checks.ts');
    expect(graph.get('scripts/cli.ts')).toContain('scripts/commands/check.ts');
  });
});

/** Each concern has one home; a second copy growing elsewhere fails here with its place. */
describe('one home per concern', () => {
  const TOOLS = /^scripts\/(bench\/|build\.ts|corpus(-serve)?\.ts|changes-pages\.ts)/;
  const offenders = (pattern: RegExp, home: string[]) =>
    files.filter((f) => !home.includes(f) && !TOOLS.test(f) && pattern.test(readFileSync(join(REPO, f), 'utf8'))).sort();

  it('git runs only in scripts/lib/git.ts', () => {
    expect(offenders(/\bgit\(\[|execFile(Sync)?\(\s*'git'|spawn(Sync)?\(\s*'git'/, ['scripts/lib/git.ts'])).toEqual([]);
  });
  it('the repository layout (specs/, generated/) is spelled only in scripts/lib/repo.ts', () => {
    expect(offenders(/join\([^)]*'(specs|generated)'|`(specs|generated)\/\$\{/, ['scripts/lib/repo.ts'])).toEqual([]);
  });
  it('one POSIX path conversion, one freshness check, one canonical JSON, one markdown cell escaper', () => {
    expect(offenders(/split\(sep\)\.join\('\/'\)|split\('\\\\'\)/, ['scripts/lib/repo.ts'])).toEqual([]);
    expect(offenders(/mtimeMs/, ['scripts/lib/freshness.ts', 'scripts/bin/apis.js'])).toEqual([]);
    expect(
      offenders(/Object\.keys\([^)]*\)\s*\.sort\(\)[\s\S]{0,80}JSON\.stringify\(k\)|entries\(value[^)]*\)\.sort/, ['scripts/runtime/canonical.ts']),
    ).toEqual([]);
    expect(offenders(/replace\(\/\\\|\/g, '\\\\\|'\)/, ['scripts/lib/markdown.ts'])).toEqual([]);
  });
});

/**
 * Attacks 5 and 6: a document that is small on disk but huge once read (YAML aliases), and a large
 * document with a finding on every path. Both run the real CLI.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { syntheticSpec } from '../../scripts/bench/synthetic.ts';
import { expectUserError, runApis, runApisInProcess, tempRepo } from '../helpers.ts';

/** One 20,000-key anchored map referenced 990 times: about 1 MB of text, 40 million nodes expanded. */
function aliasAmplification(): string {
  const keys = Array.from({ length: 20_000 }, (_, i) => `k${i}: 0`).join(', ');
  const aliases = Array.from({ length: 990 }, (_, i) => `  a${i}: *big\n`).join('');
  return `openapi: 3.1.0\ninfo:\n  title: Bomb\n  version: 1.0.0\npaths: {}\nx-big: &big {${keys}}\nx-copies:\n${aliases}`;
}

describe('attack 5: YAML alias amplification is bounded by expanded size', () => {
  it('lint and bundle refuse a 1 MB file that expands to tens of millions of nodes, naming it', async () => {
    const text = aliasAmplification();
    expect(text.length).toBeLessThan(1_300_000);
    const dir = tempRepo({ 'specs/bomb.yaml': text }, { copySpecs: false });
    for (const args of [['lint'], ['bundle']]) {
      expectUserError(await runApis(args, { cwd: dir }), 'specs/bomb.yaml', /YAML nodes once aliases are expanded/);
    }
  });

  it('an alias inside the node it names is refused, not expanded forever', async () => {
    const dir = tempRepo(
      { 'specs/loop.yaml': 'openapi: 3.1.0\ninfo: &info\n  title: Loop\n  version: 1.0.0\n  x-self: *info\npaths: {}\n' },
      { copySpecs: false },
    );
    expectUserError(await runApis(['lint'], { cwd: dir }), 'specs/loop.yaml', /refers to a node that contains it/);
  });

  it('anchors used the ordinary way (a shared example) still lint', async () => {
    const dir = tempRepo();
    expect(readFileSync(join(dir, 'specs', 'orders.yaml'), 'utf8')).toMatch(/&\w+/);
    const result = await runApisInProcess(['lint', 'specs/orders.yaml'], { cwd: dir });
    expect(result.code, result.stdout + result.stderr).toBe(0);
  });
});

describe('attack 6: lint with a finding on every path of a large spec', () => {
  // Speed is measured by `npm run bench:lint` (40,000 paths against redocly, quoted in the README);
  // this proves the shared index gives every one of thousands of findings its own right line.
  it('reports every finding of a 3,000-path spec at the line of the node it is about', async () => {
    const text = syntheticSpec(3_000);
    const dir = tempRepo({ 'specs/large.yaml': text }, { copySpecs: false });
    const result = await runApisInProcess(['lint', 'specs/large.yaml', '--format', 'json'], { cwd: dir });
    expect(result.code, result.stderr).toBe(1);
    const findings: Array<{ rule: string; line: number; pointer: string }> = JSON.parse(result.stdout).findings;
    const lines = text.split('\n');
    const secured = findings.filter((f) => f.rule === 'operation-secured');
    expect(secured).toHaveLength(3_000);
    for (const f of secured) {
      const path = /^\/paths\/([^/]+)\/get/.exec(f.pointer)![1].replace(/~1/g, '/');
      expect(lines[f.line - 1]).toBe('    get:');
      expect(lines[f.line - 2]).toBe(`  ${path}:`);
    }
    const ids = findings.filter((f) => f.rule === 'opaque-ids');
    expect(ids.length).toBeGreaterThanOrEqual(3_000);
    for (const f of ids) expect(lines[f.line - 1]).toMatch(/schema: \{ type: integer \}|id: \{ type: integer \}/);
  });
});

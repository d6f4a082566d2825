import { mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { requireWithCodeCache } from '../scripts/lib/code-cache.ts';

describe('requireWithCodeCache', () => {
  const dir = mkdtempSync(join(tmpdir(), 'apis-code-cache-'));
  const file = join(dir, 'module.cjs');
  writeFileSync(file, "const path = require('node:path');\nexports.twice = (x) => x * 2;\nmodule.exports.base = path.basename(__filename);\n");
  const cache = join(dir, 'cache', 'module.v8');

  it('runs the module as CommonJS, writes the cache when asked, and compiles from it next time', () => {
    const first = requireWithCodeCache<{ twice(x: number): number; base: string }>(file, cache);
    expect(first.exports.twice(21)).toBe(42);
    expect(first.exports.base).toBe('module.cjs');
    expect(first.fromCache).toBe(false);
    first.save();
    const second = requireWithCodeCache<{ twice(x: number): number }>(file, cache);
    expect(second.fromCache).toBe(true);
    expect(second.exports.twice(2)).toBe(4);
  });

  it('ignores a damaged cache or one of another source, and replaces it', () => {
    // A source this process has not compiled yet (V8 would otherwise reuse its in-memory compilation).
    writeFileSync(file, 'exports.twice = (x) => x + x;\n');
    writeFileSync(cache, 'not a V8 code cache');
    const damaged = requireWithCodeCache<{ twice(x: number): number }>(file, cache);
    expect(damaged.fromCache).toBe(false);
    expect(damaged.exports.twice(3)).toBe(6);
    damaged.save();
    expect(readFileSync(cache).toString('latin1')).not.toBe('not a V8 code cache');
    // Same length (all V8 compares of the source), another content and time.
    writeFileSync(file, 'exports.twice = (x) => x * 3;\n');
    utimesSync(file, new Date('2020-01-01'), new Date('2020-01-01'));
    const changed = requireWithCodeCache<{ twice(x: number): number }>(file, cache);
    expect(changed.fromCache).toBe(false);
    expect(changed.exports.twice(3)).toBe(9);
  });
});

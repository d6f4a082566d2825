import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verdictCache } from '../lib/verdict-cache.ts';

describe('the verdict cache kept across runs', () => {
  it('gives back what an earlier run saved, "no problem" included, and writes nothing when nothing was added', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'apis-verdicts-')), 'cache', 'recheck-1.0.0.json');
    const first = verdictCache(file);
    first.set('^([a-z]+)+$', 'takes exponential time');
    first.set('^[A-Z]{3}$', null);
    first.set('__proto__', 'a key like any other');
    first.save();
    const second = verdictCache(file);
    expect(second.get('^([a-z]+)+$')).toBe('takes exponential time');
    expect(second.get('^[A-Z]{3}$')).toBeNull();
    expect(second.get('__proto__')).toBe('a key like any other');
    expect(second.get('constructor')).toBeUndefined();
    const before = readFileSync(file, 'utf8');
    second.set('^[A-Z]{3}$', null);
    second.save();
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(readdirSync(join(file, '..'))).toEqual(['recheck-1.0.0.json']);
  });

  it('starts empty from a damaged file or one of another shape, and replaces it on save', () => {
    const dir = mkdtempSync(join(tmpdir(), 'apis-verdicts-'));
    for (const [name, content] of [
      ['truncated.json', '{"^a$": nu'],
      ['list.json', '["^a$"]'],
      ['values.json', '{"^a$": 42, "^b$": "vulnerable"}'],
    ]) {
      const file = join(dir, name);
      writeFileSync(file, content);
      const cache = verdictCache(file);
      expect(cache.get('^a$')).toBeUndefined();
      cache.set('^c$', null);
      cache.save();
      expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ '^c$': null });
    }
    expect(verdictCache(join(dir, 'values.json')).get('^b$')).toBe('vulnerable');
  });

  it('stops growing at 10,000 patterns', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'apis-verdicts-')), 'c.json');
    const cache = verdictCache(file);
    for (let i = 0; i < 10_050; i++) cache.set(`^a{${i}}$`, null);
    cache.save();
    expect(Object.keys(JSON.parse(readFileSync(file, 'utf8')))).toHaveLength(10_000);
  });
});

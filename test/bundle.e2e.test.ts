import { describe, expect, it } from 'vitest';
import { cpSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO, runApis, runApisInProcess, tempRepo } from './helpers.ts';

function readBundles(dir: string): Record<string, Buffer> {
  const out: Record<string, Buffer> = {};
  for (const domain of readdirSync(join(dir, 'generated'))) {
    for (const file of readdirSync(join(dir, 'generated', domain))) out[`${domain}/${file}`] = readFileSync(join(dir, 'generated', domain, file));
  }
  return out;
}

describe('apis bundle', () => {
  it('writes JSON and YAML per domain, byte-identical on a second run', async () => {
    const dir = tempRepo();
    const first = await runApis(['bundle'], { cwd: dir });
    expect(first.code, first.stderr).toBe(0);
    const before = readBundles(dir);
    expect(Object.keys(before).sort()).toEqual([
      'feedback/openapi.json',
      'feedback/openapi.yaml',
      'orders/openapi.json',
      'orders/openapi.yaml',
      'payments/openapi.json',
      'payments/openapi.yaml',
    ]);
    // A fresh second folder proves the output depends on the input only, not on what was there before.
    const other = tempRepo();
    expect((await runApis(['bundle'], { cwd: other })).code).toBe(0);
    expect(readBundles(other)).toEqual(before);
    const again = await runApis(['bundle'], { cwd: dir });
    expect(again.stdout).toContain('(unchanged)');
    expect(readBundles(dir)).toEqual(before);
    expect(JSON.parse(before['payments/openapi.json'].toString()).info.title).toBe('Payments API');
    expect(before['orders/openapi.yaml'].toString()).not.toMatch(/[&*]order_example/);
    expect(readdirSync(join(dir, 'generated', 'payments')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('matches the committed bundles', async () => {
    const dir = tempRepo();
    await runApisInProcess(['bundle'], { cwd: dir });
    for (const [name, content] of Object.entries(readBundles(dir))) {
      expect(content.toString(), name).toBe(readFileSync(join(REPO, 'generated', name), 'utf8'));
    }
  });

  it('resolves relative $refs across files into one self-contained document', async () => {
    const dir = tempRepo({}, { copySpecs: false });
    cpSync(join(REPO, 'test', 'fixtures', 'multi-file', 'specs'), join(dir, 'specs'), { recursive: true });
    const result = await runApisInProcess(['bundle', 'shop'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    const text = readFileSync(join(dir, 'generated', 'shop', 'openapi.json'), 'utf8');
    const refs = [...text.matchAll(/"\$ref": "([^"]+)"/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expect(ref.startsWith('#/')).toBe(true);
    const doc = JSON.parse(text);
    expect(doc.components.schemas.Money.properties.value.pattern).toBe('^\\d+(\\.\\d{1,2})?$');
    expect(doc.components.schemas.Currency.pattern).toBe('^[A-Z]{3}$');
  });

  it('refuses an unknown domain with exit 2 and writes nothing', async () => {
    const dir = tempRepo();
    const result = await runApisInProcess(['bundle', 'nope'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^apis: unknown domain "nope".*known: feedback, orders, payments/);
  });

  it('leaves existing bundles untouched when one domain cannot be bundled', async () => {
    const dir = tempRepo();
    expect((await runApisInProcess(['bundle'], { cwd: dir })).code).toBe(0);
    const before = readBundles(dir);
    writeFileSync(join(dir, 'specs', 'orders.yaml'), 'openapi: 3.1.0\ninfo: [\n');
    const result = await runApisInProcess(['bundle'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('specs/orders.yaml:');
    expect(readBundles(dir)).toEqual(before);
  });
});

describe('apis check', () => {
  it('passes on the repository', async () => {
    const result = await runApis(['check']);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toMatch(/✔ lint/);
    expect(result.stdout).toMatch(/✔ generated/);
  });

  it('fails on stale generated code and names the command that fixes it', async () => {
    const dir = tempRepo();
    expect((await runApisInProcess(['generate'], { cwd: dir })).code).toBe(0);
    const spec = readFileSync(join(dir, 'specs', 'feedback.yaml'), 'utf8');
    writeFileSync(join(dir, 'specs', 'feedback.yaml'), spec.replace('version: 1.1.0', 'version: 1.2.0'));
    const result = await runApisInProcess(['check'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('generated/feedback/openapi.json is out of date');
    expect(result.stdout).toContain('reproduce: npx apis generate');
  });
});

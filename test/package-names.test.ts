/**
 * Names that reach package names, folders and import specifiers of generated code (#18): the
 * `apis.packageScope` a contributor sets in package.json, and domain names, of which `api-runtime`
 * is the shared runtime package's folder.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../scripts/lib/config.ts';
import { UserError } from '../scripts/lib/errors.ts';
import { domainNameProblem, listDomains } from '../scripts/lib/repo.ts';
import { runtimeVersionOf } from '../scripts/generate/runtime-package.ts';

function repoWith(packageJson: unknown, specs: string[] = []): string {
  const dir = mkdtempSync(join(tmpdir(), 'apis-names-'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify(packageJson));
  mkdirSync(join(dir, 'specs'));
  for (const spec of specs) writeFileSync(join(dir, 'specs', spec), 'openapi: 3.1.0\n');
  return dir;
}

describe('apis.packageScope', () => {
  it('accepts npm scopes', () => {
    for (const scope of ['@acme', '@my-org', '@a.b_c~d']) expect(loadConfig(repoWith({ apis: { packageScope: scope } })).packageScope).toBe(scope);
    expect(loadConfig(repoWith({})).packageScope).toBe('@acme');
  });

  it('refuses anything else with a one-line message naming package.json, before it reaches generated code', () => {
    const hostile = ['@acme/../../etc', '@Acme', 'acme', "@a';process.exit(1)//", '@a"b', '@a b', '@', '@a\nb', 42, `@${'a'.repeat(200)}`];
    for (const scope of hostile) {
      const load = () => loadConfig(repoWith({ apis: { packageScope: scope } }));
      expect(load, String(scope)).toThrow(UserError);
      expect(load, String(scope)).toThrow(/^package\.json: "apis\.packageScope" must be an npm scope such as @acme \(got .*\)$/);
    }
  });
});

describe('domain names', () => {
  it('reserves api-runtime, the shared runtime package, and refuses names that are no domain names', () => {
    expect(domainNameProblem('loyalty-points')).toBeUndefined();
    expect(domainNameProblem('api-runtime')).toMatch(/generated\/api-runtime\/ holds the shared runtime package/);
    for (const name of ['../payments', 'Payments', 'a b', '', 'x/y', 'pay_ments', '-x', 'x-'])
      expect(domainNameProblem(name), name).toMatch(/lower-case words/);
  });

  it('refuses a specs/api-runtime.yaml naming the file, and lists the other domains', () => {
    expect(() => listDomains(repoWith({}, ['payments.yaml', 'api-runtime.yaml']))).toThrow(
      /specs\/api-runtime\.yaml: "api-runtime" generated\/api-runtime\/ holds/,
    );
    expect(listDomains(repoWith({}, ['payments.yaml', 'orders.yaml']))).toEqual(['orders', 'payments']);
  });
});

describe("the runtime package's version", () => {
  it('is the first ## <version> heading of its changelog, and a changelog without one is refused', () => {
    expect(runtimeVersionOf('# Changelog\n\n## 1.2.0 — 2026-12-01\n- more\n\n## 1.1.0\n- less\n')).toBe('1.2.0');
    expect(runtimeVersionOf('## 2.0.0-rc.1\n')).toBe('2.0.0-rc.1');
    expect(() => runtimeVersionOf('# Changelog\n\n## Unreleased\n')).toThrow(/no "## <version>" heading/);
  });
});

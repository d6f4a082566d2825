/**
 * Attacks 3, 7, 8, 9 and 10: what a contributor commits (symlinks, file names, versions, $ref
 * pointers) and what gh-pages holds (the docs manifest) must not make a command read or write
 * outside the repository, print a tag it should not, or fail with an internal error. Every case runs
 * the real CLI in a throwaway repository.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectUserError, git, gitRepo, runApis, runApisInProcess, tempRepo } from '../helpers.ts';

const SECRET = 'top-secret-value-from-outside';

/** A folder outside any repository holding a file worth stealing. */
function outside(): string {
  const dir = mkdtempSync(join(tmpdir(), 'apis-outside-'));
  writeFileSync(join(dir, 'secret.yaml'), `Stolen:\n  type: string\n  description: ${SECRET}\n`);
  return dir;
}

/** Adds text under `components:` of a spec in `dir`. */
function addComponents(dir: string, domain: string, text: string): void {
  const file = join(dir, 'specs', `${domain}.yaml`);
  writeFileSync(file, readFileSync(file, 'utf8').replace('components:\n', `components:\n${text}`));
}

describe('attack 3: symlinks and special files', () => {
  it('refuses a $ref target that is a symlink out of the repository, and bundles nothing', async () => {
    const dir = tempRepo();
    mkdirSync(join(dir, 'specs', 'shared'));
    symlinkSync(join(outside(), 'secret.yaml'), join(dir, 'specs', 'shared', 'leak.yaml'));
    addComponents(dir, 'orders', "  x-leak:\n    $ref: './shared/leak.yaml#/Stolen'\n");
    const result = await runApis(['bundle', 'orders'], { cwd: dir });
    expectUserError(result, 'specs/orders.yaml', /symbolic link to a file outside the repository/);
    expect(existsSync(join(dir, 'generated'))).toBe(false);
  });

  it('refuses a domain spec that is a symlink out of the repository', async () => {
    const dir = tempRepo({}, { copySpecs: false });
    symlinkSync(join(outside(), 'secret.yaml'), join(dir, 'specs', 'leak.yaml'));
    const result = await runApis(['lint'], { cwd: dir });
    expectUserError(result, 'specs/leak.yaml', /outside the repository/);
  });

  it('does not write generated code through a symlinked generated/<domain> folder', async () => {
    const dir = tempRepo();
    const elsewhere = mkdtempSync(join(tmpdir(), 'apis-elsewhere-'));
    mkdirSync(join(dir, 'generated'));
    symlinkSync(elsewhere, join(dir, 'generated', 'orders'));
    const result = await runApisInProcess(['generate', 'orders'], { cwd: dir });
    expectUserError(result, 'generated/orders', /symbolic link/);
    expect(readdirSync(elsewhere)).toEqual([]);
  });

  it('does not read a device: specs/zero.yaml -> /dev/zero is exit 2 at once', async () => {
    const dir = tempRepo({}, { copySpecs: false });
    symlinkSync('/dev/zero', join(dir, 'specs', 'zero.yaml'));
    const result = await runApisInProcess(['lint'], { cwd: dir });
    expectUserError(result, 'specs/zero.yaml');
  });
});

describe('attack 7: the docs manifest from gh-pages is untrusted', () => {
  it('a tampered manifest naming ../victim or a symlinked folder removes nothing outside --out', async () => {
    const dir = gitRepo();
    const site = join(dir, 'site');
    expect((await runApisInProcess(['docs', '--out', site], { cwd: dir })).code).toBe(0);
    const victim = join(dir, 'victim');
    const linkedVictim = mkdtempSync(join(tmpdir(), 'apis-victim-'));
    mkdirSync(victim);
    writeFileSync(join(victim, 'keep.txt'), 'keep');
    writeFileSync(join(linkedVictim, 'keep.txt'), 'keep');
    mkdirSync(join(site, 'branches'), { recursive: true });
    symlinkSync(linkedVictim, join(site, 'branches', 'gone'));
    const manifestPath = join(site, '.apis-docs.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    const template = Object.values(manifest.refs)[0] as { ref: Record<string, unknown>; summary: unknown };
    for (const folder of ['../victim', 'branches/gone', '/tmp', 'branches/..']) {
      manifest.refs[folder] = { ref: { ...template.ref, name: 'gone', folder }, summary: template.summary };
    }
    writeFileSync(manifestPath, JSON.stringify(manifest));

    const result = await runApisInProcess(['docs', '--out', site], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(join(victim, 'keep.txt'), 'utf8')).toBe('keep');
    expect(readFileSync(join(linkedVictim, 'keep.txt'), 'utf8')).toBe('keep');
    // The rewritten manifest no longer names them.
    expect(Object.keys(JSON.parse(readFileSync(manifestPath, 'utf8')).refs)).toEqual(['branches/master']);
  });
});

describe('attack 8: versions and release tags', () => {
  const HOSTILE_VERSION = '1.1.0\norders@1.0.0\nmaster';

  function withVersion(version: string): string {
    const dir = gitRepo();
    const file = join(dir, 'specs', 'payments.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('  version: 1.0.0\n', `  version: ${JSON.stringify(version)}\n`));
    git(dir, 'commit', '-qam', 'version');
    return dir;
  }

  it('lint flags an info.version that is not semver', async () => {
    const dir = withVersion(HOSTILE_VERSION);
    const result = await runApisInProcess(['lint', 'specs/payments.yaml', '--format', 'json'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).findings.map((f: { rule: string }) => f.rule)).toContain('version-semver');
  });

  it('release-tags prints no tag for another domain or a branch name, and exits 2 naming the spec', async () => {
    const dir = withVersion(HOSTILE_VERSION);
    expectUserError(await runApisInProcess(['release-tags', '--since', 'HEAD~1'], { cwd: dir }), 'specs/payments.yaml', /not a semantic version/);
  });

  it('an unknown --since or --base is exit 2; zeros (a first push) list every domain', async () => {
    const dir = withVersion('1.1.0');
    expectUserError(await runApisInProcess(['release-tags', '--since', 'no-such-ref'], { cwd: dir }), 'no-such-ref');
    expectUserError(await runApisInProcess(['affected', '--base', 'no-such-ref'], { cwd: dir }), 'no-such-ref');
    const first = await runApisInProcess(['release-tags', '--since', '0000000000000000000000000000000000000000'], { cwd: dir });
    const versions = ['feedback', 'orders', 'payments'].map((d) => {
      const version = /^ {2}version: "?([^"\s]+)"?$/m.exec(readFileSync(join(dir, 'specs', `${d}.yaml`), 'utf8'))![1];
      return `${d}@${version}\n`;
    });
    expect(first.stdout).toBe(versions.join(''));
  });
});

describe('attack 9: domain names come from file names', () => {
  for (const name of ['...yaml', 'a--b.yaml', 'api.example.yaml', 'q" x=".yaml', 'Orders.yaml', '-x.yaml']) {
    it(`specs/${name} is exit 2 naming the file, and nothing is written`, async () => {
      const dir = tempRepo({ [`specs/${name}`]: 'openapi: 3.1.0\n' });
      const result = await runApisInProcess(['bundle'], { cwd: dir });
      expectUserError(result, name, /lower-case words joined by hyphens/);
      expect(readdirSync(dir).sort()).toEqual(['CODEOWNERS', 'specs']);
    });
  }

  it('apis new applies the same rule', async () => {
    const dir = tempRepo();
    for (const name of ['api.example', '../x']) {
      const result = await runApisInProcess(['new', name], { cwd: dir });
      expect(result.code, name).toBe(2);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect(existsSync(join(dir, 'x.yaml')) || existsSync(join(dir, 'specs', 'api.example.yaml'))).toBe(false);
  });
});

describe('attack 10: JSON pointers in $ref', () => {
  const BROKEN = "  x-broken:\n    a:\n      $ref: '#/components/pathItems/%zz'\n    b:\n      $ref: '#/components/schemas/constructor'\n";

  it('lint reports a malformed pointer and a prototype name as unresolved, at their lines', async () => {
    const dir = tempRepo();
    addComponents(dir, 'orders', BROKEN);
    const result = await runApisInProcess(['lint', 'specs/orders.yaml', '--format', 'json'], { cwd: dir });
    expect(result.code, result.stderr).toBe(1);
    const unresolved = JSON.parse(result.stdout).findings.filter((f: { rule: string }) => f.rule === 'no-unresolved-refs');
    expect(unresolved.map((f: { message: string }) => f.message)).toEqual([
      expect.stringContaining('%zz: malformed percent-encoding'),
      expect.stringContaining('constructor: no such location'),
    ]);
    const text = readFileSync(join(dir, 'specs', 'orders.yaml'), 'utf8').split('\n');
    for (const f of unresolved) expect(text[f.line - 1]).toContain('$ref');
  });

  it('bundle and generate stop with exit 2 at the broken $ref', async () => {
    const dir = tempRepo();
    addComponents(dir, 'orders', BROKEN);
    expectUserError(await runApisInProcess(['bundle', 'orders'], { cwd: dir }), 'specs/orders.yaml', /%zz: malformed percent-encoding/);
    expectUserError(await runApisInProcess(['generate', 'orders'], { cwd: dir }), 'specs/orders.yaml', /%zz: malformed percent-encoding/);
  });
});

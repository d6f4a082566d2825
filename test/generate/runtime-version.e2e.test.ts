/**
 * The shared runtime package is published when its version is new (#18): `apis check --base` fails
 * a change to it that keeps the base's version, names the file and says how to fix it, and passes
 * once the version moved.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { git, runApisInProcess, tempRepo } from '../helpers.ts';

/** A repository whose master has the runtime package as it was before a change to its client. */
function repoWithOldRuntime(baseVersion?: string): string {
  const dir = tempRepo({}, { copyGenerated: true });
  const client = join(dir, 'generated', 'api-runtime', 'client.js');
  const current = readFileSync(client, 'utf8');
  const manifest = join(dir, 'generated', 'api-runtime', 'package.json');
  const currentManifest = readFileSync(manifest, 'utf8');
  writeFileSync(client, `${current}// as it was before\n`);
  if (baseVersion) writeFileSync(manifest, currentManifest.replace(/"version": "[^"]+"/, `"version": "${baseVersion}"`));
  git(dir, 'init', '-q', '-b', 'master');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'master');
  git(dir, 'checkout', '-qb', 'feature/runtime-fix');
  writeFileSync(client, current);
  writeFileSync(manifest, currentManifest);
  git(dir, 'commit', '-qam', 'runtime fix');
  return dir;
}

describe('apis check --base and the runtime version', () => {
  it('fails a runtime change under the version the base already has', async () => {
    const result = await runApisInProcess(['check', '--base', 'master', '--domain', 'feedback'], { cwd: repoWithOldRuntime() });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/✖ generated +the shared runtime changed without a new version/);
    expect(result.stdout).toMatch(/generated\/api-runtime\/client\.js differs from master, but the runtime's version is still \d+\.\d+\.\d+/);
    expect(result.stdout).toMatch(/reproduce: add a "## <version>" section to scripts\/runtime\/CHANGELOG\.md, then npx apis generate/);
  }, 60_000);

  it('passes the same change once the version is new', async () => {
    const result = await runApisInProcess(['check', '--base', 'master', '--domain', 'feedback'], { cwd: repoWithOldRuntime('0.9.0') });
    expect(result.stdout).toMatch(/✔ generated/);
  }, 60_000);
});

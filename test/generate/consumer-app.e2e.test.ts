/**
 * A frontend team's app (#18, test/fixtures/consumer-app): the payments package and the shared
 * runtime as `npm pack` makes them, installed into an empty app; a React component that lists
 * payments with the infinite query and creates one with the mutation, tested with vitest in
 * jsdom against the package's MSW handlers, and the whole app type-checked under `strict`.
 *
 * The two tarballs are unpacked into node_modules as npm would; their dependencies (and the app's
 * React, MSW and test tools) are linked from this repository's node_modules after checking that the
 * installed version satisfies the range each package declares, so the test needs no registry.
 */
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import semver from 'semver';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO } from '../helpers.ts';

const APP_TOOLS = [
  'react',
  'react-dom',
  '@tanstack/react-query',
  'openapi-react-query',
  'msw',
  '@testing-library/react',
  '@testing-library/dom',
  'jsdom',
  'vitest',
  '@types/react',
  '@types/react-dom',
];

const run = promisify(execFile);
let app: string;
const installed: Record<string, { version: string; dependencies?: Record<string, string>; peerDependencies?: Record<string, string> }> = {};

/** `npm pack` of a package folder, unpacked into the app's node_modules as npm installs it. */
function packAndUnpack(folder: string, packs: string): void {
  const [packed] = JSON.parse(
    execFileSync('npm', ['pack', folder, '--pack-destination', packs, '--json', '--silent'], { cwd: REPO, encoding: 'utf8' }),
  ) as Array<{
    name: string;
    filename: string;
  }>;
  const target = join(app, 'node_modules', packed.name);
  mkdirSync(target, { recursive: true });
  execFileSync('tar', ['-xzf', join(packs, packed.filename), '-C', target, '--strip-components=1']);
  installed[packed.name] = JSON.parse(readFileSync(join(target, 'package.json'), 'utf8'));
}

function link(name: string): void {
  const target = join(app, 'node_modules', name);
  mkdirSync(dirname(target), { recursive: true });
  symlinkSync(join(REPO, 'node_modules', name), target);
}

const versionIn = (name: string) => (JSON.parse(readFileSync(join(REPO, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;

beforeAll(() => {
  app = mkdtempSync(join(tmpdir(), 'apis-consumer-'));
  cpSync(join(REPO, 'test', 'fixtures', 'consumer-app'), app, { recursive: true });
  const packs = join(app, 'packs');
  mkdirSync(packs);
  packAndUnpack('./generated/api-runtime', packs);
  packAndUnpack('./generated/payments', packs);
  const wanted = new Set(APP_TOOLS);
  for (const pkg of Object.values(installed)) for (const name of Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies })) wanted.add(name);
  for (const name of wanted) if (!(name in installed) && name !== 'express' && name !== 'pg') link(name);
}, 60_000);

describe('the payments package as a frontend team installs and uses it', () => {
  it('ships JavaScript and declarations only, depends on the runtime package by a caret range, and every range is met', () => {
    const domain = installed['@acme/payments-api'];
    const runtime = installed['@acme/api-runtime'];
    expect(domain.dependencies?.['@acme/api-runtime']).toBe(`^${runtime.version}`);
    const files = execFileSync('tar', ['-tzf', join(app, 'packs', `acme-payments-api-${domain.version}.tgz`)], { encoding: 'utf8' }).split('\n');
    expect(files).toEqual(expect.arrayContaining(['package/client.js', 'package/react-query.d.ts', 'package/msw.js', 'package/openapi.json']));
    expect(files.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))).toEqual([]);
    expect(files.some((f) => f.startsWith('package/runtime/'))).toBe(false);
    for (const [name, pkg] of Object.entries(installed)) {
      for (const [dependency, range] of Object.entries({ ...pkg.dependencies, ...pkg.peerDependencies })) {
        if (dependency in installed) expect(semver.satisfies(installed[dependency].version, range), `${name} wants ${dependency}@${range}`).toBe(true);
        else expect(semver.satisfies(versionIn(dependency), range), `${name} wants ${dependency}@${range}, ${versionIn(dependency)} is installed`).toBe(true);
      }
    }
  });

  // The type check and the component test run side by side: each is a process of its own.
  it.concurrent('type-checks under strict, exactOptionalPropertyTypes and noUncheckedIndexedAccess, library declarations included', async () => {
    try {
      // tsgo, TypeScript's native compiler: the same checker as tsc, in a sixth of the time over React's,
      // TanStack Query's and MSW's declarations (generate.e2e compiles the packed packages with tsc itself).
      await run(join(REPO, 'node_modules', '.bin', 'tsgo'), ['-p', '.'], { cwd: app, encoding: 'utf8' });
    } catch (error) {
      throw new Error(`the consumer app does not type-check:\n${(error as { stdout?: string }).stdout}`);
    }
  }, 90_000);

  it.concurrent("passes its component test: infinite list, next page by cursor, mutation, paginate, the mock's 400", async () => {
    let output: string;
    try {
      ({ stdout: output } = await run(process.execPath, [join(REPO, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--root', app, '--reporter', 'verbose'], {
        cwd: app,
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1', VITEST: undefined, VITEST_POOL_ID: undefined, VITEST_WORKER_ID: undefined, NODE_OPTIONS: undefined },
      }));
    } catch (error) {
      const e = error as { stdout?: string; stderr?: string };
      throw new Error(`the consumer app's test failed:\n${e.stdout}\n${e.stderr}`);
    }
    expect(output).toMatch(/Tests\s+2 passed \(2\)/);
  }, 90_000);
});

import { describe, expect, it } from 'vitest';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO, expectUserError, runApis, tempRepo } from '../helpers.ts';

function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of readdirSync(dir, { recursive: true }) as string[]) {
    try {
      out[f] = readFileSync(join(dir, f), 'utf8');
    } catch {
      // a folder
    }
  }
  return out;
}

describe('apis generate', () => {
  it('is deterministic and matches the committed generated code (apis generate --check), in a worker thread or not', async () => {
    // Forced into the worker thread large specs use: the same bytes as the inline run that made the committed files.
    const check = await runApis(['generate', '--check'], { env: { APIS_GENERATE_WORKER_MIN_CHARS: '0' } });
    expect(check.code, check.stdout + check.stderr).toBe(0);
    const dir = tempRepo();
    expect((await runApis(['generate'], { cwd: dir })).code).toBe(0);
    expect(snapshot(join(dir, 'generated', 'payments'))).toEqual(snapshot(join(REPO, 'generated', 'payments')));
  });

  it('--check fails on stale generated code and names the files and the fix', async () => {
    const dir = tempRepo({}, { copyGenerated: true });
    const spec = join(dir, 'specs', 'feedback.yaml');
    writeFileSync(spec, readFileSync(spec, 'utf8').replace('maxLength: 1000', 'maxLength: 900'));
    const result = await runApis(['generate', '--check'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/generated\/feedback\/openapi\.json is out of date/);
    expect(result.stdout).toMatch(/run npx apis generate/);
    const check = await runApis(['check'], { cwd: dir });
    expect(check.stdout).toMatch(/✖ generated[\s\S]*reproduce: npx apis generate/);
  });

  it('leaves the previous files untouched when the spec cannot be turned into code', async () => {
    const dir = tempRepo({}, { copyGenerated: true });
    const before = snapshot(join(dir, 'generated'));
    const spec = join(dir, 'specs', 'orders.yaml');
    writeFileSync(spec, readFileSync(spec, 'utf8').replace("$ref: '#/components/schemas/OrderPatch'", "$ref: '#/components/schemas/Missing'"));
    expectUserError(await runApis(['generate'], { cwd: dir }), 'specs/orders.yaml:', /no such location/);
    expect(snapshot(join(dir, 'generated'))).toEqual(before);
  });

  it('every @ts-expect-error of the type tests really fires', () => {
    const fixture = readFileSync(join(REPO, 'test', 'types', 'generated-types.ts'), 'utf8');
    const directives = fixture.split('\n').filter((l) => /^\s*\/\/ @ts-expect-error/.test(l)).length;
    expect(directives).toBeGreaterThanOrEqual(7);
    // Without the directives, tsc must report an error for each of them.
    const probe = join(REPO, 'test', 'types', `.probe-${process.pid}.ts`);
    writeFileSync(probe, fixture.replace(/^(\s*)\/\/ @ts-expect-error.*$/gm, '$1// (directive removed)'));
    try {
      // tsgo (TypeScript's native compiler): the same errors as tsc for this file, in a fifth of the time.
      execFileSync(
        join(REPO, 'node_modules', '.bin', 'tsgo'),
        [
          '--ignoreConfig',
          '--noEmit',
          '--strict',
          '--module',
          'NodeNext',
          '--moduleResolution',
          'NodeNext',
          '--target',
          'ES2022',
          '--skipLibCheck',
          '--allowImportingTsExtensions',
          '--types',
          'node',
          probe,
        ],
        { cwd: REPO, encoding: 'utf8' },
      );
      expect.unreachable('tsc accepted the code the directives guard');
    } catch (error) {
      const out = String((error as { stdout?: string }).stdout);
      const lines = new Set([...out.matchAll(/\.probe-\d+\.ts\((\d+),/g)].map((m) => m[1]));
      expect(lines.size).toBe(directives);
    } finally {
      execFileSync('rm', ['-f', probe]);
    }
  });
});

describe('the packed client package', () => {
  it('installs with the packed runtime package into an empty app with the newest express 5 and TypeScript, and compiles under the strictest settings, NodeNext and Bundler, without skipLibCheck', async () => {
    const packDir = mkdtempSync(join(tmpdir(), 'apis-pack-'));
    const pack = (folder: string) =>
      execFileSync('npm', ['pack', join(REPO, 'generated', folder), '--pack-destination', packDir, '--silent'], {
        encoding: 'utf8',
        env: { ...process.env, SCARF_ANALYTICS: 'false' },
      })
        .trim()
        .split('\n')
        .pop()!;
    const tarball = pack('payments');
    const runtimeTarball = pack('api-runtime');
    // The package holds compiled code and declarations only, and asks for ranges of its peers.
    const listed = execFileSync('tar', ['tzf', join(packDir, tarball)], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean);
    expect(listed.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))).toEqual([]);
    expect(listed).toEqual(
      expect.arrayContaining([
        'package/client.js',
        'package/client.d.ts',
        'package/server.d.ts',
        'package/react-query.d.ts',
        'package/msw.js',
        'package/openapi.json',
      ]),
    );
    expect(listed.filter((f) => f.startsWith('package/runtime/'))).toEqual([]);
    const runtimeListed = execFileSync('tar', ['tzf', join(packDir, runtimeTarball)], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean);
    expect(runtimeListed).toEqual(
      expect.arrayContaining(['package/client.js', 'package/server.d.ts', 'package/idempotency-postgres.sql', 'package/CHANGELOG.md']),
    );
    expect(runtimeListed.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))).toEqual([]);
    const manifest = JSON.parse(readFileSync(join(REPO, 'generated', 'payments', 'package.json'), 'utf8'));
    const runtimeManifest = JSON.parse(readFileSync(join(REPO, 'generated', 'api-runtime', 'package.json'), 'utf8'));
    expect(manifest.dependencies['@acme/api-runtime']).toBe(`^${runtimeManifest.version}`);
    expect(manifest.peerDependencies.express).toMatch(/^\^5\./);
    expect(manifest.exports['.']).toMatchObject({ types: './client.d.ts', import: './client.js' });

    const project = mkdtempSync(join(tmpdir(), 'apis-consumer-'));
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    execFileSync(
      'npm',
      [
        'install',
        '--no-audit',
        '--no-fund',
        '--prefer-offline',
        join(packDir, runtimeTarball),
        join(packDir, tarball),
        'express@5',
        'typescript@latest',
        '@types/express@latest',
        '@types/node@20',
      ],
      { cwd: project, stdio: 'pipe', env: { ...process.env, SCARF_ANALYTICS: 'false' } },
    );
    writeFileSync(
      join(project, 'main.ts'),
      [
        "import { createPaymentsClient } from '@acme/payments-api';",
        "import type { Handlers } from '@acme/payments-api/server';",
        "const api = createPaymentsClient({ baseUrl: process.argv[2] ?? '', token: () => 't' });",
        "const got = await api.GET('/v1/payments/{payment_id}', { params: { path: { payment_id: 'pay_1' } } });",
        'console.log(JSON.stringify(got.data));',
        'export type Some = Partial<Handlers>;',
      ].join('\n'),
    );
    writeFileSync(
      join(project, 'server.mjs'),
      [
        "import { createPaymentsServer } from '@acme/payments-api/server';",
        "const payment = { id: 'pay_1', status: 'succeeded', amount: { value: '0.20', currency: 'EUR' }, refunded_amount: { value: '0.00', currency: 'EUR' }, payment_method: { type: 'wallet' }, created_at: '2026-11-22T10:00:00Z' };",
        'const any = async () => ({ status: 200, body: payment });',
        "const handlers = Object.fromEntries(['createPayment','getPayment','listPayments','capturePayment','cancelPayment','createRefund','getRefund','listRefunds','listPaymentEvents'].map((id) => [id, any]));",
        "const server = createPaymentsServer(handlers).listen(0, '127.0.0.1', () => console.log(server.address().port));",
      ].join('\n'),
    );
    const strict = [
      '--noEmit',
      '--strict',
      '--exactOptionalPropertyTypes',
      '--noUncheckedIndexedAccess',
      '--skipLibCheck',
      'false',
      '--target',
      'ES2022',
      '--types',
      'node',
      'main.ts',
    ];
    for (const resolution of [
      ['--module', 'NodeNext', '--moduleResolution', 'NodeNext'],
      ['--module', 'ESNext', '--moduleResolution', 'Bundler'],
    ]) {
      execFileSync(join(project, 'node_modules', '.bin', 'tsc'), [...resolution, ...strict], { cwd: project, encoding: 'utf8' });
    }
    const server = spawn(process.execPath, ['server.mjs'], { cwd: project, stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      const port = await new Promise<string>((resolve) => server.stdout.once('data', (d) => resolve(String(d).trim())));
      const out = execFileSync(join(REPO, 'node_modules', '.bin', 'tsx'), ['main.ts', `http://127.0.0.1:${port}`], { cwd: project, encoding: 'utf8' });
      expect(JSON.parse(out)).toMatchObject({ id: 'pay_1', amount: { value: '0.20', currency: 'EUR' } });
    } finally {
      server.kill();
    }
  }, 180_000);
});

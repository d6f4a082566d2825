import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { git, gitRepo, runApis } from '../helpers.ts';

describe('apis affected and apis release-tags read the domains at a ref from git', () => {
  it('affected lists a domain removed on the branch (it exists only at the base) and one changed', async () => {
    const dir = gitRepo();
    git(dir, 'checkout', '-q', '-b', 'feature/cleanup');
    git(dir, 'rm', '-q', 'specs/feedback.yaml');
    const orders = join(dir, 'specs', 'orders.yaml');
    writeFileSync(orders, readFileSync(orders, 'utf8').replace('summary: Order a taxi\n', 'summary: Order a taxi now\n'));
    git(dir, 'commit', '-qam', 'cleanup');
    const result = await runApis(['affected', '--base', 'master', '--format', 'json'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(['feedback', 'orders']);
  });

  it('release-tags names the domains whose version changed and are not tagged yet', async () => {
    const dir = gitRepo();
    const payments = join(dir, 'specs', 'payments.yaml');
    writeFileSync(payments, readFileSync(payments, 'utf8').replace('  version: 1.0.0\n', '  version: 1.1.0\n'));
    git(dir, 'commit', '-qam', 'payments 1.1.0');
    expect((await runApis(['release-tags', '--since', 'HEAD~1'], { cwd: dir })).stdout).toBe('payments@1.1.0\n');
    git(dir, 'tag', 'payments@1.1.0');
    expect((await runApis(['release-tags', '--since', 'HEAD~1'], { cwd: dir })).stdout).toBe('');
  });
});

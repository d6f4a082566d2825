/**
 * A clone whose only branch is `main` (the way this repository is cloned today), used the way the
 * README says: `npm start`, then the "How to change an API" flow. Every check either runs or fails
 * loudly with the one line that fixes it; nothing is skipped in silence.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { git, gitWithHooks, runApis, startServing, toolchainRepo } from '../helpers.ts';

const FIX = /fetch it \(git fetch origin master:master\), or set "apis": \{"branches": \{"production": "<branch>"\}\} in package\.json/;

describe('a fresh clone whose only branch is main', () => {
  it('npm start says in one line what the gate needs; the flow runs every check or fails loudly with the fix', async () => {
    const dir = toolchainRepo();
    git(dir, 'branch', '-m', 'master', 'main');

    // npm start (apis start): the portal comes up, and says how to get the production branch.
    const portal = await startServing(['start', '--port', '0', '--mock-port', '0'], dir, /Ctrl-C stops\./);
    try {
      expect(portal.output()).toMatch(/No production branch: unknown git ref "master"/);
      expect(portal.output()).toMatch(FIX);
    } finally {
      expect(await portal.stop()).toBe(0);
    }

    // How to change an API: a branch, an edit, a commit (the pre-commit hook runs), the gate.
    git(dir, 'checkout', '-qb', 'feature/wording');
    const spec = join(dir, 'specs', 'orders.yaml');
    writeFileSync(spec, readFileSync(spec, 'utf8').replace('summary: Get an order', 'summary: Read an order'));
    git(dir, 'add', 'specs/orders.yaml');
    const committed = gitWithHooks(dir, 'commit', '-m', 'wording');
    expect(committed.status, committed.stderr).toBe(0);
    expect(committed.stderr).toContain('pre-commit: 1 staged spec: lint clean; generated code updated and staged');

    const gate = await runApis(['check', '--base', 'master'], { cwd: dir });
    expect(gate.code).toBe(2);
    expect(gate.stderr.trim().split('\n')).toHaveLength(1);
    expect(gate.stderr).toMatch(FIX);

    // The fix the message names: tell the toolchain which branch is production here. Then every check runs.
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    pkg.apis.branches.production = 'main';
    writeFileSync(join(dir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
    const passed = await runApis(['check', '--base', 'main'], { cwd: dir });
    expect(passed.stdout, passed.stderr).toMatch(/✔ breaking\s+1 domain changed against main, no unaccepted breaking change/);
    expect(passed.stdout).toMatch(/✔ owners[\s\S]*✔ lint[\s\S]*✔ generated/);
    expect(passed.code).toBe(0);
    // main is now production, so protected: the branch policy refuses a hotfix branch into it.
    const policy = await runApis(['branch-check', '--base', 'main', '--head', 'hotfix/x'], { cwd: dir });
    expect(policy.code).toBe(1);
  }, 120_000);
});

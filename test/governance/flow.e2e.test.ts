import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateWorkflow } from '@action-validator/core';
import { parse, stringify } from 'yaml';
import { git, gitWithHooks, runApis, toolchainRepo } from '../helpers.ts';

function commit(dir: string, message: string) {
  git(dir, 'add', '-A');
  return gitWithHooks(dir, 'commit', '-m', message);
}

/** What CI does for the pull request: branch policy, the gate, and the comment built from their results. */
async function gateAndComment(dir: string, branch: string) {
  const results = mkdtempSync(join(tmpdir(), 'apis-results-'));
  await runApis(['branch-check', '--base', 'master', '--head', branch, '--report', join(results, 'policy.json')], { cwd: dir });
  const gate = await runApis(['check', '--base', 'master', '--report', join(results, 'check.json')], { cwd: dir });
  const comment = await runApis(['pr-comment', results], { cwd: dir });
  return { gate, comment: comment.stdout };
}

describe('the whole flow of changing an API', () => {
  it('new domain, pre-commit lint, a breaking change refused, fixed with /v2/', async () => {
    const dir = toolchainRepo();
    for (const f of readdirSync(join(dir, '.github', 'workflows')))
      expect(validateWorkflow(readFileSync(join(dir, '.github', 'workflows', f), 'utf8')).errors).toEqual([]);

    // 1. A designer starts a domain on a feature branch; the pre-commit hook lints it.
    git(dir, 'checkout', '-qb', 'feature/loyalty');
    const created = await runApis(['new', 'loyalty-points', '--owner', '@acme/loyalty-team'], { cwd: dir });
    expect(created.code, created.stderr).toBe(0);
    const first = commit(dir, 'Add the loyalty-points domain');
    expect(first.status, first.stderr).toBe(0);
    expect(first.stderr).toContain('pre-commit: 1 staged spec: lint clean');
    const firstGate = await gateAndComment(dir, 'feature/loyalty');
    expect(firstGate.gate.code, firstGate.gate.stdout).toBe(0);
    expect(firstGate.comment).toContain('✔ All checks passed.');

    // The pull request is merged: master now serves v1 of the domain.
    git(dir, 'checkout', '-q', 'master');
    git(dir, 'merge', '-q', '--ff-only', 'feature/loyalty');
    git(dir, 'checkout', '-qb', 'feature/loyalty-member');
    const specPath = join(dir, 'specs', 'loyalty-points.yaml');
    const v1 = readFileSync(specPath, 'utf8');

    // 2. A breaking change in place: a new required request field.
    const breaking = parse(v1);
    breaking.components.schemas.LoyaltyPointsInput.properties.member_id = { type: 'string', description: 'The member.', maxLength: 64 };
    breaking.components.schemas.LoyaltyPointsInput.required.push('member_id');
    breaking.paths['/v1/loyalty-points'].post.requestBody.content['application/json'].example.member_id = 'mem_1';
    writeFileSync(specPath, stringify(breaking));
    expect(commit(dir, 'Require member_id').status).toBe(0);
    const refused = await gateAndComment(dir, 'feature/loyalty-member');
    expect(refused.gate.code).toBe(1);
    expect(refused.gate.stdout).toMatch(/✖ POST \/v1\/loyalty-points: LoyaltyPointsInput\.member_id was added as required \[request-property-added-required\]/);
    expect(refused.comment).toMatch(/\| breaking changes \| ✖ fail \|/);
    expect(refused.comment).toContain('- **breaking changes**: `npx apis diff master:specs/loyalty-points.yaml specs/loyalty-points.yaml`');

    // 3. The fix: v1 untouched, the new shape under /v2/, and a minor version bump.
    const fixed = parse(v1);
    fixed.info.version = '0.2.0';
    fixed.components.schemas.LoyaltyPointsInputV2 = {
      ...fixed.components.schemas.LoyaltyPointsInput,
      required: ['name', 'member_id'],
      properties: { ...fixed.components.schemas.LoyaltyPointsInput.properties, member_id: { type: 'string', description: 'The member.', maxLength: 64 } },
    };
    const post = structuredClone(fixed.paths['/v1/loyalty-points'].post);
    post.operationId = 'createLoyaltyPointsV2';
    post.summary = 'Create a record for a member';
    post.requestBody.content['application/json'].schema = { $ref: '#/components/schemas/LoyaltyPointsInputV2' };
    post.requestBody.content['application/json'].example = { name: 'First record', member_id: 'mem_1' };
    fixed.paths['/v2/loyalty-points'] = { post };
    writeFileSync(specPath, stringify(fixed));
    const fix = commit(dir, 'Put member_id under /v2/');
    expect(fix.status, fix.stderr).toBe(0);
    const passed = await gateAndComment(dir, 'feature/loyalty-member');
    expect(passed.gate.code, passed.gate.stdout).toBe(0);
    expect(passed.gate.stdout).toMatch(/expected version bump: minor/);
    expect(passed.comment).toContain('✔ All checks passed.');
    expect(passed.comment).toMatch(/\[`operation-added`\]\([^)]*\): POST \/v2\/loyalty-points was added/);
  }, 180_000);
});

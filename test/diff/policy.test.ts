import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO, git, gitRepo, runApis } from '../helpers.ts';

const feedback = readFileSync(join(REPO, 'specs', 'feedback.yaml'), 'utf8');
const BREAK = (spec: string) => spec.replace('          maxLength: 1000\n        tip:\n          $ref', '          maxLength: 200\n        tip:\n          $ref');
const V3 = (spec: string) => spec.replace('version: 1.1.0', 'version: 2.0.0');

/** A repository on master with a feature branch that changes specs/feedback.yaml to `spec`. */
async function featureBranch(spec: string, base: string = feedback) {
  const dir = gitRepo({ 'specs/feedback.yaml': base });
  git(dir, 'checkout', '-qb', 'feature/change');
  writeFileSync(join(dir, 'specs', 'feedback.yaml'), spec);
  await runApis(['generate'], { cwd: dir });
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'change');
  return dir;
}

describe('the compatibility gate: apis check --base', () => {
  it('fails on a breaking change and names it', async () => {
    const dir = await featureBranch(BREAK(feedback));
    const result = await runApis(['check', '--base', 'master'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/✖ breaking/);
    expect(result.stdout).toMatch(/✖ POST \/v1\/save-feedback: SaveFeedbackV1Request\.comment: maxLength lowered from 1000 to 200.*\[request-constraint-tightened\]/);
    expect(result.stdout).toContain('reproduce: npx apis diff master:specs/<domain>.yaml specs/<domain>.yaml');
  });

  it('passes when the change goes to a new /v2/ path with a minor version bump, and asks for the bump otherwise', async () => {
    const v2 = feedback.replace('paths:\n', "paths:\n  /v2/feedback-screen:\n    get:\n      operationId: getFeedbackScreenV2\n      summary: Get the feedback screen (v2)\n      description: Like v1.\n      tags: [Feedback]\n      parameters:\n        - name: order_id\n          in: query\n          required: true\n          description: The order.\n          schema: { type: string }\n      responses:\n        '200':\n          description: The screen.\n          content:\n            application/json:\n              schema: { $ref: '#/components/schemas/SavedFeedback' }\n        '429': { $ref: '#/components/responses/TooManyRequests' }\n");
    const noBump = await featureBranch(v2);
    const refused = await runApis(['check', '--base', 'master'], { cwd: noBump });
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/info\.version must get a minor bump because operations were added: expected 1\.2\.0 or later, got 1\.1\.0/);
    const bumped = await featureBranch(v2.replace('version: 1.1.0', 'version: 1.2.0'));
    const ok = await runApis(['check', '--base', 'master'], { cwd: bumped });
    expect(ok.stdout).toMatch(/✔ breaking\s+1 domain changed against master, no unaccepted breaking change/);
    expect(ok.stdout).toMatch(/expected version bump: minor/);
  });

  it('passes a removal after the sunset date the base announced', async () => {
    const announced = feedback.replace("      x-idempotency-natural-key: order_id\n      x-feature-flag: feedback_v2", "      x-idempotency-natural-key: order_id\n      x-feature-flag: feedback_v2\n      deprecated: true\n      x-sunset: '2026-01-31'");
    expect(announced).not.toBe(feedback);
    const start = announced.indexOf('  /v2/save-feedback:');
    const removed = announced.slice(0, start) + announced.slice(announced.indexOf('components:'));
    const dir = await featureBranch(removed, announced);
    const result = await runApis(['check', '--base', 'master'], { cwd: dir });
    expect(result.stdout).toMatch(/✔ sunset POST \/v2\/save-feedback was removed/);
    expect(result.stdout).toMatch(/✔ breaking/);
  });

  it('refuses a removal whose sunset date has not passed', async () => {
    const announced = feedback.replace("      x-feature-flag: feedback_v2", "      x-feature-flag: feedback_v2\n      deprecated: true\n      x-sunset: '2999-01-01'");
    const start = announced.indexOf('  /v2/save-feedback:');
    const removed = announced.slice(0, start) + announced.slice(announced.indexOf('components:'));
    const dir = await featureBranch(removed, announced);
    const result = await runApis(['check', '--base', 'master'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/✖ POST \/v2\/save-feedback: POST \/v2\/save-feedback was removed/);
  });

  it('passes an accepted breaking change with a major bump, and lists it with its reason', async () => {
    const accepted = V3(BREAK(feedback)).replace('paths:\n', "x-accepted-breaking-changes:\n  - change: request-constraint-tightened\n    operation: POST /v1/save-feedback\n    reason: No app version ever sent comments longer than 200 characters (checked in the logs).\npaths:\n");
    const dir = await featureBranch(accepted);
    const result = await runApis(['check', '--base', 'master'], { cwd: dir });
    expect(result.stdout).toMatch(/✔ accepted POST \/v1\/save-feedback: .*maxLength lowered.*\(reason: No app version ever sent/);
    expect(result.stdout).toMatch(/expected version bump: major/);
    expect(result.stdout).toMatch(/✔ breaking/);
  });

  it('asks for a major bump when a breaking change is accepted without one', async () => {
    const accepted = BREAK(feedback).replace('paths:\n', "x-accepted-breaking-changes:\n  - change: request-constraint-tightened\n    operation: POST /v1/save-feedback\n    reason: No app version ever sent comments longer than 200 characters.\npaths:\n");
    const dir = await featureBranch(accepted);
    const result = await runApis(['check', '--base', 'master'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/info\.version must get a major bump because breaking changes were accepted: expected 2\.0\.0 or later, got 1\.1\.0/);
  });

  it('flags an acceptance that no longer matches anything, in the gate and in lint --base', async () => {
    const stale = feedback.replace('paths:\n', "x-accepted-breaking-changes:\n  - change: response-property-removed\n    operation: GET /v1/feedback-screen\n    reason: The field was never filled in by any backend release.\npaths:\n");
    const dir = await featureBranch(stale);
    const gate = await runApis(['check', '--base', 'master'], { cwd: dir });
    expect(gate.code).toBe(1);
    expect(gate.stdout).toMatch(/✖ x-accepted-breaking-changes\[0\] \(response-property-removed on GET \/v1\/feedback-screen\) matches no change against master: remove it/);
    const lint = await runApis(['lint', '--base', 'master', '--format', 'json'], { cwd: dir });
    expect(lint.code).toBe(1);
    const finding = JSON.parse(lint.stdout).findings.find((f: { rule: string }) => f.rule === 'accepted-breaking-change');
    expect(finding).toMatchObject({ severity: 'error', pointer: '/x-accepted-breaking-changes/0', file: 'specs/feedback.yaml' });
    expect(stale.split('\n')[finding.line - 1]).toContain('- change: response-property-removed');
  });
});

describe('apis changelog', () => {
  it('prints the markdown between two refs', async () => {
    const dir = await featureBranch(BREAK(feedback));
    const result = await runApis(['changelog', 'feedback', '--from', 'master', '--to', 'feature/change'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^### feedback: changes from master to feature\/change/);
    expect(result.stdout).toMatch(/#### ❌ `POST \/v1\/save-feedback`/);
  });
});

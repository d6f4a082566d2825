/** The breaking-change gate through the real CLI, on real git repositories (the policy itself: policy.test.ts). */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, git, gitRepo, runApis, runApisInProcess } from '../helpers.ts';

const feedback = readFileSync(join(REPO, 'specs', 'feedback.yaml'), 'utf8');
const BREAK = (spec: string) =>
  spec.replace('          maxLength: 1000\n        tip:\n          $ref', '          maxLength: 200\n        tip:\n          $ref');

/** A repository on master with a feature branch that changes specs/feedback.yaml to `spec`. */
function featureBranch(spec: string): string {
  const dir = gitRepo({ 'specs/feedback.yaml': feedback });
  git(dir, 'checkout', '-qb', 'feature/change');
  writeFileSync(join(dir, 'specs', 'feedback.yaml'), spec);
  git(dir, 'commit', '-qam', 'change');
  return dir;
}

describe('the gate through the CLI, on a real repository', () => {
  it('names the blocking change with its ways through, and passes once the printed acceptance is pasted with a reason and the bump', async () => {
    expect(BREAK(feedback)).not.toBe(feedback);
    const dir = featureBranch(BREAK(feedback));
    const refused = await runApis(['check', '--base', 'master'], { cwd: dir });
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/✖ breaking/);
    expect(refused.stdout).toMatch(
      /feedback: 1 not accepted, 0 accepted, 0 removed after sunset; version 1\.1\.0 → 1\.1\.0; expected version bump: major once the breaking changes are accepted \(2\.0\.0 or later\)/,
    );
    expect(refused.stdout).toMatch(
      /✖ POST \/v1\/save-feedback: SaveFeedbackV1Request\.comment: maxLength lowered from 1000 to 200 \[request-constraint-tightened\]/,
    );
    expect(refused.stdout).toContain('why: Requests that were valid may now be refused. (rules/changes/request-constraint-tightened.md)');
    expect(refused.stdout).toContain('set info.version to 2.0.0');
    expect(refused.stdout).toContain('reproduce: npx apis diff master:specs/feedback.yaml specs/feedback.yaml');
    expect(refused.stdout).not.toContain('<domain>');
    // The block as printed, pasted at the top level with a reason written in, and the major bump.
    const printed = refused.stdout.split('\n');
    const from = printed.findIndex((l) => l.trim() === 'x-accepted-breaking-changes:');
    const block = printed
      .slice(from, from + 4)
      .map((l) => l.slice(6))
      .join('\n')
      .replace(/reason: .*/, 'reason: No app version ever sent comments longer than 200 characters (checked in the logs).');
    expect(block).toMatch(
      /^x-accepted-breaking-changes:\n {2}- change: request-constraint-tightened\n {4}operation: POST \/v1\/save-feedback\n {4}reason: No app/,
    );
    writeFileSync(join(dir, 'specs', 'feedback.yaml'), BREAK(feedback).replace('version: 1.1.0', 'version: 2.0.0').replace('paths:\n', `${block}\npaths:\n`));
    git(dir, 'commit', '-qam', 'accept');
    const accepted = await runApis(['check', '--base', 'master'], { cwd: dir });
    expect(accepted.stdout).toMatch(/✔ breaking\s+1 domain changed against master, no unaccepted breaking change/);
    expect(accepted.stdout).toMatch(/✔ accepted POST \/v1\/save-feedback: .*maxLength lowered.*\(reason: No app version ever sent/);
    // The changelog shows it as accepted, not as a plain failure.
    const changelog = await runApisInProcess(['changelog', 'feedback', '--from', 'master', '--to', 'feature/change'], { cwd: dir });
    expect(changelog.code, changelog.stderr).toBe(0);
    expect(changelog.stdout).toMatch(/^### feedback: changes from master to feature\/change/);
    expect(changelog.stdout).toMatch(/☑ \*\*1 breaking change\*\* \(1 accepted\)/);
    expect(changelog.stdout).toMatch(
      /- ☑ \*\*breaking, accepted\*\* \[`request-constraint-tightened`\]\(rules\/changes\/request-constraint-tightened\.md\): .* Reason: No app version/,
    );
    const json = await runApisInProcess(['diff', 'master:specs/feedback.yaml', 'specs/feedback.yaml', '--format', 'json'], { cwd: dir });
    expect(json.code).toBe(1);
    const breaking = JSON.parse(json.stdout).changes.find((c: { level: string }) => c.level === 'breaking');
    expect(breaking).toMatchObject({
      id: 'request-constraint-tightened',
      status: 'accepted',
      reason: expect.stringMatching(/^No app/),
      side: 'request',
      doc: 'rules/changes/request-constraint-tightened.md',
      operation: 'POST /v1/save-feedback',
    });
  });

  it('flags an acceptance that no longer matches anything, in the gate and in lint --base', async () => {
    const stale = feedback.replace(
      'paths:\n',
      'x-accepted-breaking-changes:\n  - change: response-property-removed\n    operation: GET /v1/feedback-screen\n    reason: The field was never filled in by any backend release.\npaths:\n',
    );
    const dir = featureBranch(stale);
    const gate = await runApisInProcess(['check', '--base', 'master'], { cwd: dir });
    expect(gate.code).toBe(1);
    expect(gate.stdout).toMatch(
      /✖ x-accepted-breaking-changes\[0\] \(response-property-removed on GET \/v1\/feedback-screen\) matches no change against master: remove it/,
    );
    const lint = await runApisInProcess(['lint', '--base', 'master', '--format', 'json'], { cwd: dir });
    expect(lint.code).toBe(1);
    const finding = JSON.parse(lint.stdout).findings.find((f: { rule: string }) => f.rule === 'accepted-breaking-change');
    expect(finding).toMatchObject({ severity: 'error', pointer: '/x-accepted-breaking-changes/0', file: 'specs/feedback.yaml' });
    expect(stale.split('\n')[finding.line - 1]).toContain('- change: response-property-removed');
  });
});

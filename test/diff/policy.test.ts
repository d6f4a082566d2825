/**
 * The compatibility policy: in-process over evaluateGate for every rule of it, then a few runs of
 * the real CLI on real git repositories to prove the wiring (the report, the ways through, the
 * acceptance pasted back, lint --base, the changelog).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffDocuments } from '../../scripts/diff/compare-document.ts';
import { evaluateGate } from '../../scripts/diff/policy.ts';
import { REPO, git, gitRepo, runApis } from '../helpers.ts';
import { baseDocument } from './catalogue-base.ts';

const TODAY = new Date('2026-11-29T12:00:00Z');
const judge = (base: any, head: any) => evaluateGate(base, head, diffDocuments(base, head), TODAY);

/** A head in which the request's name got a tighter limit: one breaking change on POST /v1/things. */
function tightened(version = '1.0.0', accept?: { change?: string; operation?: string | null; reason?: string }): any {
  const head = baseDocument('3.1');
  head.info.version = version;
  head.components.schemas.ThingInput.properties.name.maxLength = 50;
  if (accept) head['x-accepted-breaking-changes'] = [{ change: accept.change ?? 'request-constraint-tightened', ...(accept.operation === null ? {} : { operation: accept.operation ?? 'POST /v1/things' }), reason: accept.reason ?? 'No client ever sent names longer than 50 characters (checked in the logs).' }];
  return head;
}

describe('the gate, in-process', () => {
  it('an unaccepted breaking change blocks, and carries that status', () => {
    const gate = judge(baseDocument('3.1'), tightened());
    expect(gate.ok).toBe(false);
    expect(gate.blocking.map((c) => `${c.id} ${c.operation}`)).toEqual(['request-constraint-tightened POST /v1/things']);
    expect(gate.changes.find((c) => c.level === 'breaking')).toMatchObject({ status: 'unaccepted' });
    expect(gate.changes.filter((c) => c.level !== 'breaking').every((c) => c.status === undefined)).toBe(true);
  });

  it('an accepted change passes with a major bump, carrying the reason', () => {
    const gate = judge(baseDocument('3.1'), tightened('2.0.0', {}));
    expect(gate.ok).toBe(true);
    expect(gate.changes.find((c) => c.level === 'breaking')).toMatchObject({ status: 'accepted', reason: expect.stringMatching(/^No client ever sent/) });
    expect(gate.expectedBump).toBe('major');
  });

  it('an accepted change without a major bump is a version problem', () => {
    const gate = judge(baseDocument('3.1'), tightened('1.1.0', {}));
    expect(gate.ok).toBe(false);
    expect(gate.versionProblem).toBe('info.version must get a major bump because breaking changes were accepted: expected 2.0.0 or later, got 1.1.0');
  });

  it('an acceptance for another operation or another kind does not match, and is stale', () => {
    const gate = judge(baseDocument('3.1'), tightened('2.0.0', { operation: 'GET /v1/things' }));
    expect(gate.blocking).toHaveLength(1);
    expect(gate.stale.map((a) => `${a.change} ${a.operation}`)).toEqual(['request-constraint-tightened GET /v1/things']);
  });

  it('an acceptance without a real reason does not count', () => {
    const gate = judge(baseDocument('3.1'), tightened('2.0.0', { reason: 'ok' }));
    expect(gate.unreasoned).toHaveLength(1);
    expect(gate.blocking).toHaveLength(1);
  });

  it('an acceptance may name a kind by the id it had before (catalogue aliases)', () => {
    const base = baseDocument('3.1');
    base.paths['/v1/things/{thing_id}'].get.security = [{ bearer: [] }, { key: [] }];
    const head = structuredClone(base);
    head.info.version = '2.0.0';
    head.paths['/v1/things/{thing_id}'].get.security = [{ bearer: [] }];
    head['x-accepted-breaking-changes'] = [{ change: 'security-requirement-changed', operation: 'GET /v1/things/{thing_id}', reason: 'The API key was only ever issued to our own test clients.' }];
    const gate = judge(base, head);
    expect(gate.ok).toBe(true);
    expect(gate.accepted.map((a) => a.change.id)).toEqual(['security-alternative-removed']);
  });

  it('a document-level change is accepted without an operation', () => {
    const base = baseDocument('3.1');
    const head = structuredClone(base);
    head.info.version = '2.0.0';
    head.components.securitySchemes.key.name = 'X-Key';
    head['x-accepted-breaking-changes'] = [{ change: 'security-scheme-changed', reason: 'Every client reads the header name from the SDK config.' }];
    expect(judge(base, head).ok).toBe(true);
  });

  it('a removal after the sunset the base announced is allowed; before it, it blocks', () => {
    const announced = (date: string) => {
      const d = baseDocument('3.1');
      Object.assign(d.paths['/v1/things/{thing_id}'].get, { deprecated: true, 'x-sunset': date });
      return d;
    };
    const removed = (base: any) => {
      const d = structuredClone(base);
      delete d.paths['/v1/things/{thing_id}'].get;
      return d;
    };
    const past = judge(announced('2026-01-31'), removed(announced('2026-01-31')));
    expect(past.ok).toBe(true);
    expect(past.changes.find((c) => c.id === 'operation-removed')).toMatchObject({ status: 'allowed' });
    const future = judge(announced('2999-01-01'), removed(announced('2999-01-01')));
    expect(future.blocking.map((c) => c.id)).toEqual(['operation-removed']);
  });

  it('an operation added under a new /v2/ path is not breaking, and asks for a minor bump', () => {
    const base = baseDocument('3.1');
    const head = structuredClone(base);
    head.paths['/v2/things'] = structuredClone(head.paths['/v1/things']);
    head.paths['/v2/things'].post.operationId = 'createThingV2';
    head.paths['/v2/things'].get.operationId = 'listThingsV2';
    head.components.schemas.ThingInputV2 = { ...structuredClone(head.components.schemas.ThingInput), required: ['name', 'size'] };
    head.paths['/v2/things'].post.requestBody.content['application/json'].schema.$ref = '#/components/schemas/ThingInputV2';
    const noBump = judge(base, head);
    expect(noBump.blocking).toEqual([]);
    expect(noBump.expectedBump).toBe('minor');
    expect(noBump.versionProblem).toMatch(/minor bump because operations were added: expected 1\.1\.0 or later, got 1\.0\.0/);
    head.info.version = '1.1.0';
    expect(judge(base, head).ok).toBe(true);
  });
});

const feedback = readFileSync(join(REPO, 'specs', 'feedback.yaml'), 'utf8');
const BREAK = (spec: string) => spec.replace('          maxLength: 1000\n        tip:\n          $ref', '          maxLength: 200\n        tip:\n          $ref');

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
    expect(refused.stdout).toMatch(/feedback: 1 not accepted, 0 accepted, 0 removed after sunset; version 1\.1\.0 → 1\.1\.0; expected version bump: major once the breaking changes are accepted \(2\.0\.0 or later\)/);
    expect(refused.stdout).toMatch(/✖ POST \/v1\/save-feedback: SaveFeedbackV1Request\.comment: maxLength lowered from 1000 to 200 \[request-constraint-tightened\]/);
    expect(refused.stdout).toContain('why: Requests that were valid may now be refused. (rules/changes/request-constraint-tightened.md)');
    expect(refused.stdout).toContain('set info.version to 2.0.0');
    expect(refused.stdout).toContain('reproduce: npx apis diff master:specs/feedback.yaml specs/feedback.yaml');
    expect(refused.stdout).not.toContain('<domain>');
    // The block as printed, pasted at the top level with a reason written in, and the major bump.
    const printed = refused.stdout.split('\n');
    const from = printed.findIndex((l) => l.trim() === 'x-accepted-breaking-changes:');
    const block = printed.slice(from, from + 4).map((l) => l.slice(6)).join('\n').replace(/reason: .*/, 'reason: No app version ever sent comments longer than 200 characters (checked in the logs).');
    expect(block).toMatch(/^x-accepted-breaking-changes:\n {2}- change: request-constraint-tightened\n {4}operation: POST \/v1\/save-feedback\n {4}reason: No app/);
    writeFileSync(join(dir, 'specs', 'feedback.yaml'), BREAK(feedback).replace('version: 1.1.0', 'version: 2.0.0').replace('paths:\n', `${block}\npaths:\n`));
    git(dir, 'commit', '-qam', 'accept');
    const accepted = await runApis(['check', '--base', 'master'], { cwd: dir });
    expect(accepted.stdout).toMatch(/✔ breaking\s+1 domain changed against master, no unaccepted breaking change/);
    expect(accepted.stdout).toMatch(/✔ accepted POST \/v1\/save-feedback: .*maxLength lowered.*\(reason: No app version ever sent/);
    // The changelog shows it as accepted, not as a plain failure.
    const changelog = await runApis(['changelog', 'feedback', '--from', 'master', '--to', 'feature/change'], { cwd: dir });
    expect(changelog.code, changelog.stderr).toBe(0);
    expect(changelog.stdout).toMatch(/^### feedback: changes from master to feature\/change/);
    expect(changelog.stdout).toMatch(/☑️ \*\*1 breaking change\*\* \(1 accepted\)/);
    expect(changelog.stdout).toMatch(/- ☑️ \*\*breaking, accepted\*\* \[`request-constraint-tightened`\]\(rules\/changes\/request-constraint-tightened\.md\): .* Reason: No app version/);
    const json = await runApis(['diff', 'master:specs/feedback.yaml', 'specs/feedback.yaml', '--format', 'json'], { cwd: dir });
    expect(json.code).toBe(1);
    const breaking = JSON.parse(json.stdout).changes.find((c: { level: string }) => c.level === 'breaking');
    expect(breaking).toMatchObject({ id: 'request-constraint-tightened', status: 'accepted', reason: expect.stringMatching(/^No app/), side: 'request', doc: 'rules/changes/request-constraint-tightened.md', operation: 'POST /v1/save-feedback' });
  });

  it('flags an acceptance that no longer matches anything, in the gate and in lint --base', async () => {
    const stale = feedback.replace('paths:\n', "x-accepted-breaking-changes:\n  - change: response-property-removed\n    operation: GET /v1/feedback-screen\n    reason: The field was never filled in by any backend release.\npaths:\n");
    const dir = featureBranch(stale);
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

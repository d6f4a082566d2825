import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { REPO, expectUserError, git, gitRepo, runApis, runApisInProcess, tempRepo } from '../helpers.ts';

const payments = readFileSync(join(REPO, 'specs', 'payments.yaml'), 'utf8');
const withoutRefundedAmount = payments
  .replace(
    "        refunded_amount:\n          $ref: '#/components/schemas/Money'\n        description:\n          type: string\n          description: The merchant's description, shown to the customer.",
    "        description:\n          type: string\n          description: The merchant's description, shown to the customer.",
  )
  .replace('required: [id, status, amount, refunded_amount, payment_method, created_at]', 'required: [id, status, amount, payment_method, created_at]');

describe('apis diff', () => {
  it('prints exactly one JSON document and exits 1 on a breaking change between two files', async () => {
    const dir = tempRepo({ 'head.yaml': withoutRefundedAmount });
    const result = await runApis(['diff', 'specs/payments.yaml', 'head.yaml', '--format', 'json'], { cwd: dir });
    expect(result.code, result.stderr).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(Object.keys(report)).toEqual(['changes', 'summary']);
    const removed = report.changes.filter((c: { id: string }) => c.id === 'response-property-removed');
    expect(removed.map((c: { operation: string }) => c.operation).sort()).toEqual([
      'GET /v1/payments',
      'GET /v1/payments/{payment_id}',
      'POST /v1/payments',
      'POST /v1/payments/{payment_id}/cancel',
      'POST /v1/payments/{payment_id}/capture',
    ]);
    // Every field a report had before, then the side, the gate status and the page of the change kind.
    expect(Object.keys(removed[0])).toEqual(['id', 'level', 'message', 'operation', 'location', 'side', 'status', 'reason', 'doc']);
    expect(removed[0]).toMatchObject({ side: 'response', status: 'unaccepted', reason: null, doc: 'rules/changes/response-property-removed.md' });
    expect(removed[0].location).toBe('/components/schemas/Payment/properties/refunded_amount');
    expect(report.summary.breaking).toBe(report.changes.filter((c: { level: string }) => c.level === 'breaking').length);
  });

  it('--list-changes prints the catalogue, as text and as JSON', async () => {
    const text = await runApisInProcess(['diff', '--list-changes']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^response-property-removed\s+breaking\s+response\s+A required response property was removed/m);
    const json = await runApisInProcess(['diff', '--list-changes', '--format', 'json']);
    const list = JSON.parse(json.stdout).changes;
    expect(list.length).toBeGreaterThan(100);
    expect(list.find((c: { id: string }) => c.id === 'request-property-removed-from-closed-schema')).toEqual({
      id: 'request-property-removed-from-closed-schema',
      side: 'request',
      level: 'breaking',
      description: expect.stringMatching(/closed|refuses unknown/),
      doc: 'rules/changes/request-property-removed-from-closed-schema.md',
    });
    const missing = await runApisInProcess(['diff', 'specs/payments.yaml']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^apis: apis diff needs a base and a head/);
  });

  it('compares git refs without touching the working tree, exit 0 when nothing breaks', async () => {
    const dir = gitRepo();
    git(dir, 'checkout', '-qb', 'feature/docs');
    writeFileSync(join(dir, 'specs', 'payments.yaml'), payments.replace('summary: Get a payment', 'summary: Read a payment'));
    git(dir, 'commit', '-qam', 'wording');
    writeFileSync(join(dir, 'specs', 'payments.yaml'), withoutRefundedAmount);
    const result = await runApis(['diff', 'master:specs/payments.yaml', 'feature/docs:specs/payments.yaml'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/info\s+GET \/v1\/payments\/\{payment_id\}\s+summary-changed/);
    expect(readFileSync(join(dir, 'specs', 'payments.yaml'), 'utf8')).toBe(withoutRefundedAmount);
  });

  it('markdown groups by operation with breaking ones first', async () => {
    const dir = tempRepo({ 'head.yaml': withoutRefundedAmount.replace('summary: List refunds', 'summary: List the refunds') });
    const result = await runApis(['diff', 'specs/payments.yaml', 'head.yaml', '--format', 'markdown'], { cwd: dir });
    expect(result.code).toBe(1);
    const headings = [...result.stdout.matchAll(/^#### (\S+) `([^`]+)`/gm)].map((m) => `${m[1]} ${m[2]}`);
    expect(headings[0]).toMatch(/^✖ /);
    expect(headings[headings.length - 1]).toMatch(/^ℹ /);
    expect(headings).toContain('ℹ GET /v1/refunds');
  });

  it('treats a domain that is new at the head as added, and a removed one as breaking', async () => {
    const dir = gitRepo();
    git(dir, 'checkout', '-qb', 'feature/new');
    writeFileSync(join(dir, 'specs', 'tips.yaml'), readFileSync(join(REPO, 'specs', 'feedback.yaml'), 'utf8'));
    unlinkSync(join(dir, 'specs', 'orders.yaml'));
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'new and removed');
    const added = await runApis(['diff', 'master:specs/tips.yaml', 'feature/new:specs/tips.yaml', '--format', 'json'], { cwd: dir });
    expect(added.code, added.stderr).toBe(0);
    expect(JSON.parse(added.stdout).changes.every((c: { level: string; id: string }) => c.level === 'info' && c.id === 'operation-added')).toBe(true);
    const removed = await runApis(['diff', 'master:specs/orders.yaml', 'feature/new:specs/orders.yaml', '--format', 'json'], { cwd: dir });
    expect(removed.code).toBe(1);
    expect(JSON.parse(removed.stdout).summary.breaking).toBeGreaterThan(5);
  });

  describe('bad input', () => {
    it('a ref that does not exist', async () => {
      const dir = gitRepo();
      const result = await runApis(['diff', 'nope:specs/payments.yaml', 'specs/payments.yaml'], { cwd: dir });
      expect(result.code).toBe(2);
      expect(result.stderr.trim()).toBe('apis: unknown git ref "nope": no branch, tag or commit has that name, nor origin/nope');
    });
    it('a path that does not exist', async () => {
      const dir = tempRepo();
      expectUserError(await runApis(['diff', 'specs/missing.yaml', 'specs/payments.yaml'], { cwd: dir }), 'specs/missing.yaml', /no such file/);
    });
    it('invalid YAML on one side', async () => {
      const dir = tempRepo({ 'bad.yaml': 'openapi: 3.1.0\npaths: [\n' });
      expectUserError(await runApis(['diff', 'specs/payments.yaml', 'bad.yaml'], { cwd: dir }), 'bad.yaml:', /YAML syntax error/);
    });
    it('an unresolvable $ref', async () => {
      const dir = tempRepo({ 'head.yaml': payments.replace("$ref: '#/components/schemas/Refund'", "$ref: '#/components/schemas/Nope'") });
      expectUserError(await runApis(['diff', 'specs/payments.yaml', 'head.yaml'], { cwd: dir }), 'head.yaml:', /no such location/);
    });
    it('a circular $ref compares fine', async () => {
      const circular = payments.replace(
        '        created_at:\n          type: string\n          format: date-time\n          description: When the refund was created.',
        "        created_at:\n          type: string\n          format: date-time\n          description: When the refund was created.\n        previous:\n          $ref: '#/components/schemas/Refund'",
      );
      expect(circular).not.toBe(payments);
      const dir = tempRepo({ 'a.yaml': circular, 'b.yaml': circular.replaceAll('maxLength: 128', 'maxLength: 100') });
      const result = await runApis(['diff', 'a.yaml', 'b.yaml', '--format', 'json'], { cwd: dir });
      expect(result.code, result.stderr).toBe(1);
      expect(JSON.parse(result.stdout).changes.some((c: { id: string }) => c.id === 'request-constraint-tightened')).toBe(true);
    });
  });
});

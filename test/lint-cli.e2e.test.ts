import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO, expectUserError, runApis, runApisInProcess, tempRepo } from './helpers.ts';

const payments = readFileSync(join(REPO, 'specs', 'payments.yaml'), 'utf8');

describe('apis lint', () => {
  it('exits 0 on a valid spec', async () => {
    const result = await runApis(['lint', 'specs/payments.yaml']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('no problems');
  });

  it('lints every spec when no file is given', async () => {
    const result = await runApis(['lint', '--format', 'json']);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout).summary).toEqual({ errors: 0, warnings: 0, silenced: 3 });
  });

  it('exits 1 with file:line findings on an invalid spec', async () => {
    const broken = payments.replace(
      "amount: { value: '1250.00', currency: EUR }\n              capture: true",
      'amount: { value: 1250, currency: EUR }\n              capture: true',
    );
    const dir = tempRepo({ 'specs/broken.yaml': broken });
    const result = await runApisInProcess(['lint', 'specs/broken.yaml'], { cwd: dir });
    expect(result.code, result.stderr).toBe(1);
    expect(result.stdout).toMatch(/specs\/broken\.yaml\n\s+\d+:\d+\s+error\s+no-invalid-media-type-examples/);
  });

  it('prints exactly one JSON document with the documented shape', async () => {
    const dir = tempRepo({ 'specs/broken.yaml': payments.replace("'#/components/schemas/Refund'", "'#/components/schemas/Missing'") });
    const result = await runApisInProcess(['lint', 'specs/broken.yaml', '--format', 'json'], { cwd: dir });
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(Object.keys(report)).toEqual(['findings', 'summary']);
    expect(Object.keys(report.summary)).toEqual(['errors', 'warnings', 'silenced']);
    const ref = report.findings.find((f: { rule: string }) => f.rule === 'no-unresolved-refs');
    expect(ref).toMatchObject({ severity: 'error', file: 'specs/broken.yaml', silenced: false, reason: null });
    expect(Object.keys(ref)).toEqual(['rule', 'severity', 'message', 'file', 'line', 'column', 'pointer', 'silenced', 'reason']);
    expect(ref.pointer).toMatch(/^\/paths\/~1v1~1refunds/);
    const lines = payments.replace("'#/components/schemas/Refund'", "'#/components/schemas/Missing'").split('\n');
    expect(lines[ref.line - 1]).toContain('#/components/schemas/Missing');
  });

  it('exits 2 naming the file and the line on a YAML syntax error', async () => {
    const dir = tempRepo({ 'specs/syntax.yaml': 'openapi: 3.1.0\ninfo:\n  title: x\n   version: 1\npaths: {}\n' }, { copySpecs: false });
    const result = await runApisInProcess(['lint', 'specs/syntax.yaml'], { cwd: dir });
    expectUserError(result, 'specs/syntax.yaml:3:', /YAML syntax error/);
  });

  it('refuses a usage error with exit 2', async () => {
    const result = await runApis(['lint', '--format', 'xml']);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  describe('bad input', () => {
    // [case, files, file to lint, pattern the one-line message must match]
    const cases: Array<[string, Record<string, string>, string, RegExp]> = [
      ['a missing file', {}, 'specs/nope.yaml', /no such file/],
      ['an empty file', { 'specs/empty.yaml': '' }, 'specs/empty.yaml', /empty/],
      ['whitespace only', { 'specs/blank.yaml': '  \n\n ' }, 'specs/blank.yaml', /empty/],
      ['a Swagger 2.0 file', { 'specs/old.yaml': 'swagger: "2.0"\ninfo: {title: x, version: "1"}\npaths: {}\n' }, 'specs/old.yaml', /convert it to OpenAPI 3/],
      [
        'an unsupported OpenAPI version',
        { 'specs/new.yaml': 'openapi: 3.2.0\ninfo: {title: x, version: "1"}\npaths: {}\n' },
        'specs/new.yaml',
        /3\.2\.0 is not supported/,
      ],
      ['a YAML list instead of a document', { 'specs/list.yaml': '- a\n- b\n' }, 'specs/list.yaml', /not an OpenAPI document/],
      [
        'duplicate keys',
        { 'specs/dup.yaml': 'openapi: 3.1.0\ninfo: {title: x, version: "1"}\ninfo: {title: y, version: "1"}\n' },
        'specs/dup.yaml',
        /specs\/dup\.yaml:3:1: YAML syntax error: duplicate key/,
      ],
    ];
    for (const [name, files, target, pattern] of cases) {
      it(`${name}: exit 2, one line naming the file`, async () => {
        const dir = tempRepo(files, { copySpecs: false });
        expectUserError(await runApisInProcess(['lint', target], { cwd: dir }), target, pattern);
      });
    }

    it('a folder: exit 2', async () => {
      const dir = tempRepo({}, { copySpecs: false });
      expectUserError(await runApisInProcess(['lint', 'specs'], { cwd: dir }), 'specs', /folder/);
    });

    it('a JSON file is accepted', async () => {
      const dir = tempRepo({}, { copySpecs: true });
      const bundled = await runApisInProcess(['bundle', 'payments'], { cwd: dir });
      expect(bundled.code, bundled.stderr).toBe(0);
      const result = await runApisInProcess(['lint', 'generated/payments/openapi.json'], { cwd: dir });
      expect(result.code, result.stdout + result.stderr).toBe(0);
    });

    it('a $ref to a missing file is a finding for lint (exit 1) and refused by bundle (exit 2)', async () => {
      const spec = payments.replace(
        "$ref: '#/components/schemas/Refund'\n              example:\n                id: rfd_5Tq8wE2yU1\n                payment_id: pay_2Xk9fQ7mR4\n                status: pending",
        "$ref: './missing.yaml#/Refund'\n              example:\n                id: rfd_5Tq8wE2yU1\n                payment_id: pay_2Xk9fQ7mR4\n                status: pending",
      );
      expect(spec).not.toBe(payments);
      const dir = tempRepo({ 'specs/payments.yaml': spec });
      const lint = await runApisInProcess(['lint', 'specs/payments.yaml', '--format', 'json'], { cwd: dir });
      expect(lint.code, lint.stderr).toBe(1);
      expect(JSON.parse(lint.stdout).findings.some((f: { rule: string }) => f.rule === 'no-unresolved-refs')).toBe(true);
      expectUserError(await runApisInProcess(['bundle', 'payments'], { cwd: dir }), 'specs/payments.yaml:', /missing\.yaml does not exist/);
    });

    it('a $ref to a URL is refused without network access', async () => {
      const dir = tempRepo(
        {
          'specs/remote.yaml':
            'openapi: 3.1.0\ninfo: {title: x, version: "1"}\npaths:\n  /v1/x:\n    get:\n      responses:\n        "200":\n          $ref: "https://example.com/r.yaml"\n',
        },
        { copySpecs: false },
      );
      expectUserError(await runApisInProcess(['lint', 'specs/remote.yaml'], { cwd: dir }), 'specs/remote.yaml:8:', /URL/);
    });

    it('a $ref that escapes the repository is refused', async () => {
      const dir = tempRepo(
        { 'specs/escape.yaml': 'openapi: 3.1.0\ninfo: {title: x, version: "1"}\npaths:\n  /v1/x:\n    $ref: "../../etc/passwd.yaml"\n' },
        { copySpecs: false },
      );
      expectUserError(await runApisInProcess(['lint', 'specs/escape.yaml'], { cwd: dir }), 'specs/escape.yaml:5:', /outside the repository/);
    });
  });
});

import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import Draft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO, runApis, runApisInProcess, tempRepo } from './helpers.ts';

const broken = readFileSync(join(REPO, 'specs', 'orders.yaml'), 'utf8').replace(
  "        '409': { $ref: '#/components/responses/StateConflict' }",
  "        '422': { $ref: '#/components/responses/StateConflict' }",
);

/** The official SARIF 2.1.0 JSON schema (draft-04), as Microsoft's SARIF tooling ships it. */
const sarifAjv = new Draft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats.default(sarifAjv); // uri and the other formats are assertions here, as SARIF validators treat them
const validateSarif = sarifAjv.compile(
  JSON.parse(readFileSync(createRequire(import.meta.url).resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')),
);

describe('lint output formats', () => {
  it('sarif: a SARIF 2.1.0 log, valid against the official schema, with absolute rule help and suppressions for silenced findings', async () => {
    const dir = tempRepo({ 'specs/orders.yaml': broken });
    execFileSync('git', ['init', '-q'], { cwd: dir });
    execFileSync('git', ['remote', 'add', 'origin', 'git@github.com:acme/api-contracts.git'], { cwd: dir });
    const result = await runApis(['lint', 'specs/orders.yaml', '--format', 'sarif'], { cwd: dir });
    expect(result.code).toBe(1);
    const log = JSON.parse(result.stdout);
    expect(validateSarif(log), JSON.stringify(validateSarif.errors)).toBe(true);
    expect(log.version).toBe('2.1.0');
    const run = log.runs[0];
    expect(run.tool.driver).toMatchObject({
      name: 'apis lint',
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
      informationUri: 'https://github.com/acme/api-contracts#readme',
    });
    expect(run.tool.driver.rules.find((r: { id: string }) => r.id === 'status-code-allowed').helpUri).toBe(
      'https://github.com/acme/api-contracts/blob/HEAD/rules/docs/status-code-allowed.md',
    );
    // A structural rule has no page of ours: no helpUri rather than a relative one.
    expect(run.tool.driver.rules.every((r: { helpUri?: string }) => r.helpUri === undefined || /^https:\/\//.test(r.helpUri))).toBe(true);
    const bad = run.results.find((r: { ruleId: string }) => r.ruleId === 'status-code-allowed');
    expect(bad.level).toBe('error');
    expect(bad.locations[0].physicalLocation.artifactLocation.uri).toBe('specs/orders.yaml');
    expect(broken.split('\n')[bad.locations[0].physicalLocation.region.startLine - 1]).toContain("'422'");
    const suppressed = run.results.filter((r: { suppressions?: unknown[] }) => r.suppressions);
    expect(suppressed).toHaveLength(1);
    expect(suppressed[0].suppressions[0].justification).toMatch(/signing secret/);
  });

  it('github: one workflow annotation per finding', async () => {
    const dir = tempRepo({ 'specs/orders.yaml': broken });
    const result = await runApis(['lint', 'specs/orders.yaml', '--format', 'github'], { cwd: dir });
    expect(result.code).toBe(1);
    const lines = result.stdout.trim().split('\n');
    expect(lines.find((l) => l.startsWith('::error file=specs/orders.yaml,line='))).toMatch(
      /title=status-code-allowed::PATCH \/v1\/orders\/\{order_id\} declares response 422/,
    );
    expect(lines.find((l) => l.startsWith('::notice'))).toMatch(/silenced: The signing secret/);
    expect(lines[lines.length - 1]).toBe('apis lint: 1 errors, 0 warnings, 1 silenced');
  });

  it('markdown: a table for the PR comment, silenced findings folded with their reasons', async () => {
    const dir = tempRepo({ 'specs/orders.yaml': broken });
    const result = await runApisInProcess(['lint', 'specs/orders.yaml', '--format', 'markdown'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('✖ 1 error, 0 warnings, 1 silenced.');
    expect(result.stdout).toMatch(/\| ✖ \| \[`status-code-allowed`\]\(rules\/docs\/status-code-allowed\.md\) \| `specs\/orders\.yaml:\d+` \|/);
    expect(result.stdout).toMatch(/<details><summary>1 silenced finding<\/summary>[\s\S]*The signing secret must reach the partner once/);
  });

  it('stylish: file, line:column, severity, rule and message', async () => {
    const dir = tempRepo({ 'specs/orders.yaml': broken });
    const result = await runApisInProcess(['lint', 'specs/orders.yaml'], { cwd: dir });
    expect(result.stdout).toMatch(/^specs\/orders\.yaml\n\s+\d+:\d+\s+error\s+status-code-allowed\s+PATCH/m);
    expect(result.stdout).toMatch(/✖ 1 problem \(1 error, 0 warnings\), 1 silenced/);
  });
});

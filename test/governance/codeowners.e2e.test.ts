import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ownersOf, parseCodeowners, validateCodeowners } from '../../scripts/governance/codeowners.ts';
import { REPO, gitRepo, runApis, runApisInProcess } from '../helpers.ts';

const files = ['specs/payments.yaml', 'specs/orders.yaml', 'generated/payments/openapi.json', 'rules/ruleset.ts'];

describe('CODEOWNERS', () => {
  it('the repository file is valid and owns every spec', async () => {
    const result = await runApis(['check']);
    expect(result.stdout).toMatch(/✔ owners\s+every spec has an owner; CODEOWNERS is valid/);
  });

  it('the last matching line decides, with gitignore patterns', () => {
    const { rules } = parseCodeowners('* @acme/api-guild\n/specs/payments.yaml @acme/payments-team\n');
    expect(ownersOf(rules, 'specs/payments.yaml')?.owners).toEqual(['@acme/payments-team']);
    expect(ownersOf(rules, 'specs/orders.yaml')?.owners).toEqual(['@acme/api-guild']);
  });

  it('reports malformed lines, bad owners, unknown paths and unowned specs', () => {
    const problems = validateCodeowners(
      [
        '# comment',
        '/specs/payments.yaml @acme/payments-team',
        '/specs/refunds.yaml @acme/payments-team',
        '/rules/',
        '/generated/ acme-team user@example.org',
      ].join('\n'),
      files,
    );
    expect(problems.map((p) => `${p.line}: ${p.message}`)).toEqual([
      '0: specs/orders.yaml has no owner',
      '3: "/specs/refunds.yaml" matches no file in the repository',
      '4: "/rules/" has no owner',
      '5: owner "acme-team" is not in @org/team or @user form',
      '5: owner "user@example.org" is not in @org/team or @user form',
    ]);
  });

  it('apis check fails on a spec without an owner', async () => {
    const dir = gitRepo({ CODEOWNERS: readFileSync(join(REPO, 'CODEOWNERS'), 'utf8').replace(/^\/specs\/orders\.yaml.*\n/m, '') });
    const result = await runApisInProcess(['check'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/✖ owners[\s\S]*CODEOWNERS: specs\/orders\.yaml has no owner/);
  });
});

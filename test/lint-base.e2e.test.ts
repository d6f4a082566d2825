import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO, git, runApis, runApisInProcess, tempRepo } from './helpers.ts';

describe('apis lint --base', () => {
  it('reports only findings that are new since the ref, matched by rule and pointer', async () => {
    const spec = readFileSync(join(REPO, 'specs', 'feedback.yaml'), 'utf8');
    // master already has an old finding: a camelCase property.
    const old = spec.replace('        saved_at:\n', '        savedAt:\n');
    const dir = tempRepo({ 'specs/feedback.yaml': old }, { copySpecs: false });
    git(dir, 'init', '-q', '-b', 'master');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'master');
    git(dir, 'checkout', '-qb', 'feature/tip-as-number');
    // The feature branch adds lines above the old finding (moving it) and one new finding.
    const changed = old
      .replace('  summary: Ask riders', '  x-note: moved\n  summary: Ask riders')
      .replace(
        "        tip:\n          $ref: '#/components/schemas/Money'\n      additionalProperties: false\n    SaveFeedbackV2Request:",
        '        tip:\n          type: number\n          description: The tip.\n      additionalProperties: false\n    SaveFeedbackV2Request:',
      );
    expect(changed).not.toBe(old);
    writeFileSync(join(dir, 'specs', 'feedback.yaml'), changed);

    const all = await runApis(['lint', '--format', 'json'], { cwd: dir });
    const allRules = JSON.parse(all.stdout)
      .findings.filter((f: { silenced: boolean }) => !f.silenced)
      .map((f: { rule: string }) => f.rule);
    expect(allRules).toContain('property-naming');

    const result = await runApis(['lint', '--base', 'master', '--format', 'json'], { cwd: dir });
    expect(result.code, result.stderr).toBe(1);
    const report = JSON.parse(result.stdout);
    // The type change is new, and so is the example it now contradicts; the moved camelCase property is old.
    expect(
      report.findings
        .filter((f: { silenced: boolean }) => !f.silenced)
        .map((f: { rule: string; pointer: string }) => `${f.rule} ${f.pointer}`)
        .sort(),
    ).toEqual([
      'money-as-string /components/schemas/SaveFeedbackV1Request/properties/tip',
      'no-invalid-media-type-examples /paths/~1v1~1save-feedback/post/requestBody/content/application~1json/example/tip',
    ]);
    // Silenced findings are reported as silenced, never counted as left out.
    expect(JSON.parse(all.stdout).summary.silenced).toBeGreaterThan(0);
    expect(report.summary.preexisting).toBe(allRules.length - 2);
    expect(report.summary.base).toBe('master');

    const stylish = await runApisInProcess(['lint', '--base', 'master'], { cwd: dir });
    expect(stylish.stdout).toMatch(/findings? that already existed at master left out/);
  });

  it('treats a spec that is new on the branch as all new', async () => {
    const dir = tempRepo({ 'README.md': 'x' }, { copySpecs: false });
    git(dir, 'init', '-q', '-b', 'master');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'master');
    writeFileSync(join(dir, 'specs', 'feedback.yaml'), readFileSync(join(REPO, 'specs', 'feedback.yaml'), 'utf8').replace('saved_at', 'savedAt'));
    const result = await runApisInProcess(['lint', '--base', 'master', '--format', 'json'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).summary.preexisting).toBe(0);
  });

  it('lints a spec again at the ref when a file it shares with a changed spec may hold new findings', async () => {
    // Two specs share common/money.yaml; only shop-b changes, to use a schema there that breaks a rule.
    const fixture = join(REPO, 'test', 'fixtures', 'multi-file', 'specs');
    const shop = readFileSync(join(fixture, 'shop.yaml'), 'utf8');
    // (a schema nothing references yet, which breaks the structure: `required` must be a list)
    const money = `${readFileSync(join(fixture, 'common', 'money.yaml'), 'utf8')}Tip:\n  type: object\n  required: amount\n`;
    const dir = tempRepo(
      {
        'specs/shop-a.yaml': shop,
        'specs/shop-b.yaml': shop,
        'specs/common/money.yaml': money,
        'specs/common/parameters.yaml': readFileSync(join(fixture, 'common', 'parameters.yaml'), 'utf8'),
      },
      { copySpecs: false },
    );
    git(dir, 'init', '-q', '-b', 'master');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'master');
    const before = JSON.parse((await runApisInProcess(['lint', '--format', 'json'], { cwd: dir })).stdout).findings.length;
    const tipped = shop.replace("$ref: './common/money.yaml#/Money'", "$ref: './common/money.yaml#/Tip'");
    expect(tipped).not.toBe(shop);
    writeFileSync(join(dir, 'specs', 'shop-b.yaml'), tipped);
    const result = await runApisInProcess(['lint', '--base', 'master', '--format', 'json'], { cwd: dir });
    const report = JSON.parse(result.stdout);
    expect(report.findings.filter((f: { silenced: boolean }) => !f.silenced)).toContainEqual(
      expect.objectContaining({ rule: 'struct', file: 'specs/common/money.yaml', pointer: '/Tip/required' }),
    );
    // Everything else, shop-a's findings included, already existed at master.
    expect(report.summary.preexisting).toBe(before);
  });

  it('refuses an unknown ref with exit 2', async () => {
    const dir = tempRepo();
    git(dir, 'init', '-q', '-b', 'master');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'master');
    const result = await runApisInProcess(['lint', '--base', 'no-such-branch'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe('apis: unknown git ref "no-such-branch": no branch, tag or commit has that name, nor origin/no-such-branch');
  });
});

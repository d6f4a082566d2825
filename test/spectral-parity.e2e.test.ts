import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { HOUSE_RULE_IDS } from '../rules/ruleset.ts';
import { base } from '../rules/test/harness.ts';
import { REPO, runApis, tempRepo } from './helpers.ts';

/** A document that breaks many house rules at once, plus one reasoned exception. */
function violatingDocument() {
  const d = base();
  d.paths['/v1/widgets'].post.responses['402'] = { $ref: '#/components/responses/Problem' };
  d.paths['/v1/widgets'].post.parameters = [];
  d.components.schemas.Widget.properties.tip = { type: 'integer', description: 'Tip.' };
  d.components.schemas.Widget.properties.owner_id = { type: 'integer', description: 'Owner.' };
  d.components.schemas.Widget.properties.createdAt = { type: 'string' };
  d.components.schemas.Widget.properties.trace_id = { type: 'string', description: 'Trace.' };
  delete d.paths['/v1/widgets/{widget_id}'].get.responses['200'].headers;
  delete d.components.responses.TooManyRequests.headers;
  delete d.webhooks['widget.created'].post['x-delivery'];
  d.paths['/v1/widgets'].get.parameters = [];
  d.paths['/v1/widgets'].get['x-lint-exceptions'] = { 'collection-pagination': 'The widget list is capped at ten items by design.' };
  return d;
}

describe('plain Spectral and apis lint', () => {
  it('give the same house-rule findings on a violating document', async () => {
    const dir = tempRepo({ 'specs/widgets.yaml': stringify(violatingDocument()) }, { copySpecs: false });
    const spectral = spawnSync(
      join(REPO, 'node_modules', '.bin', 'spectral'),
      ['lint', join(dir, 'specs', 'widgets.yaml'), '--ruleset', join(REPO, '.spectral.mjs'), '--format', 'json', '--quiet'],
      { cwd: REPO, encoding: 'utf8', env: { ...process.env, SCARF_ANALYTICS: 'false' } },
    );
    expect(spectral.status, spectral.stderr).toBe(1);
    const spectralFindings = (JSON.parse(spectral.stdout) as Array<{ code: string; path: string[]; message: string; range: { start: { line: number } } }>)
      .filter((r) => HOUSE_RULE_IDS.includes(r.code))
      .map((r) => `${r.code} ${'/' + r.path.map((s) => String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('/')} ${r.message}`)
      .sort();

    const apis = await runApis(['lint', 'specs/widgets.yaml', '--format', 'json'], { cwd: dir });
    expect(apis.code, apis.stderr).toBe(1);
    const report = JSON.parse(apis.stdout) as { findings: Array<{ rule: string; pointer: string; message: string; silenced: boolean; reason: string | null }> };
    const apisFindings = report.findings
      .filter((f) => HOUSE_RULE_IDS.includes(f.rule))
      .map((f) => `${f.rule} ${f.pointer} ${f.message}`)
      .sort();

    // The same findings; apis lint lists the excepted ones as silenced, plain Spectral cannot.
    expect(apisFindings).toEqual(spectralFindings);
    expect(new Set(spectralFindings.map((f) => f.split(' ')[0]))).toEqual(
      new Set([
        'status-code-allowed',
        'idempotency-key-required',
        'money-as-string',
        'opaque-ids',
        'property-naming',
        'property-description',
        'no-internal-fields',
        'conditional-update',
        'retry-after-header',
        'webhook-contract',
        'collection-pagination',
      ]),
    );
    const silenced = report.findings.filter((f) => f.silenced);
    expect(silenced.map((f) => f.rule)).toEqual(['collection-pagination', 'collection-pagination']);
    expect(silenced.every((f) => f.reason === 'The widget list is capped at ten items by design.')).toBe(true);
  });
});

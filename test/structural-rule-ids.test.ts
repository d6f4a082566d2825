import { describe, expect, it } from 'vitest';
import { REDOCLY_RULE_IDS, SPECTRAL_OAS_RULE_IDS } from '../rules/structural-rule-ids.ts';
import { redoclyConfig } from '../scripts/lib/redocly.ts';

describe('the static list of Redocly rule ids', () => {
  it('matches the installed Redocly', async () => {
    const config = (await redoclyConfig('recommended')) as unknown as { rules: Record<string, Record<string, unknown>> };
    const installed = [...new Set([...Object.keys(config.rules.oas3_0), ...Object.keys(config.rules.oas3_1)])].sort();
    expect([...REDOCLY_RULE_IDS]).toEqual(installed);
  });
});

describe('the static list of Spectral rule ids', () => {
  it('matches the installed spectral:oas', async () => {
    const { oas } = await import('@stoplight/spectral-rulesets');
    expect([...SPECTRAL_OAS_RULE_IDS]).toEqual(Object.keys((oas as { rules: Record<string, unknown> }).rules).sort());
  });
});

import { describe, expect, it } from 'vitest';
import { REDOCLY_RULE_IDS } from '../rules/structural-rule-ids.ts';
import { redoclyConfig } from '../scripts/lib/redocly.ts';

describe('the static list of Redocly rule ids', () => {
  it('matches the installed Redocly', async () => {
    const config = (await redoclyConfig('recommended')) as unknown as { rules: Record<string, Record<string, unknown>> };
    const installed = [...new Set([...Object.keys(config.rules.oas3_0), ...Object.keys(config.rules.oas3_1)])].sort();
    expect([...REDOCLY_RULE_IDS]).toEqual(installed);
  });
});

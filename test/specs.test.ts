import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { lintModels } from '../scripts/lint/engine.ts';
import { listDomains } from '../scripts/lib/repo.ts';
import { loadSpec } from '../scripts/lib/spec-model.ts';
import { REPO } from './helpers.ts';

describe('the domain specs', () => {
  it('are the three seed domains', () => {
    expect(listDomains(REPO)).toEqual(['feedback', 'orders', 'payments']);
  });

  for (const domain of ['payments', 'orders', 'feedback']) {
    it(`${domain} is OpenAPI 3.1 and structurally valid with zero findings`, async () => {
      const model = await loadSpec(join(REPO, 'specs', `${domain}.yaml`), { boundary: REPO });
      expect(model.version).toBe('3.1');
      expect(model.refProblems).toEqual([]);
      const findings = await lintModels([model]);
      expect(findings).toEqual([]);
    });
  }
});

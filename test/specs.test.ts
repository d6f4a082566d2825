import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { lintModels } from '../scripts/lint/engine.ts';
import { listDomains } from '../scripts/lib/repo.ts';
import { loadSpec } from '../scripts/lib/spec-model.ts';
import { REPO } from './helpers.ts';

const EXPECTED_EXCEPTIONS: Record<string, string[]> = {
  payments: [],
  orders: ['no-internal-fields /components/schemas/WebhookEndpointCreated/properties/signing_secret'],
  feedback: ['collection-pagination /paths/~1v1~1feedback-screen/get', 'collection-pagination /paths/~1v1~1feedback-screen/get'],
};

describe('the domain specs', () => {
  it('are the three seed domains', () => {
    expect(listDomains(REPO)).toEqual(['feedback', 'orders', 'payments']);
  });

  for (const domain of ['payments', 'orders', 'feedback']) {
    it(`${domain} is OpenAPI 3.1, structurally valid and clean under the house rules`, async () => {
      const model = await loadSpec(join(REPO, 'specs', `${domain}.yaml`), { boundary: REPO });
      expect(model.version).toBe('3.1');
      expect(model.refProblems).toEqual([]);
      const findings = await lintModels([model]);
      expect(findings.filter((f) => !f.silenced)).toEqual([]);
      // The only silenced findings are the reasoned exceptions written into the specs.
      expect(findings.filter((f) => f.silenced).map((f) => `${f.rule} ${f.pointer}`)).toEqual(EXPECTED_EXCEPTIONS[domain]);
    });
  }
});

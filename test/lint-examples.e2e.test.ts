/**
 * The compiled CLI builds Redocly's example validators without Ajv's code optimisation (scripts/build.ts,
 * unoptimisedExampleValidators); the sources run Redocly as published. Both must find exactly the
 * same example problems, in both JSON Schema dialects (OpenAPI 3.0 is draft 4 to Redocly, 3.1 is 2020-12).
 */
import { describe, expect, it } from 'vitest';
import { runApis, runApisInProcess, tempRepo } from './helpers.ts';

const spec = (openapi: '3.0.3' | '3.1.0') => `openapi: ${openapi}
info: {title: Examples, version: 1.0.0}
paths:
  /v1/things/{thing_id}:
    get:
      operationId: getThing
      parameters:
        - {name: thing_id, in: path, required: true, schema: {type: string, pattern: '^thg_'}, example: 42}
        - {name: limit, in: query, schema: {type: integer, minimum: 1, maximum: 100}, examples: {tooMany: {value: 500}, fine: {value: 10}}}
      responses:
        '200':
          description: a thing
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Thing'}
              examples:
                wrongTypes: {value: {id: 7, amount: 12.5, tags: [1, 2], extra: true}}
                missing: {value: {amount: '1.00'}}
                nested: {value: {id: thg_1, amount: '1.00', owner: {name: 3}}}
                good: {value: {id: thg_1, amount: '1.00'}}
components:
  schemas:
    Thing:
      type: object
      additionalProperties: false
      required: [id, amount]
      properties:
        id: {type: string}
        amount: {type: string, pattern: '^[0-9]+\\.[0-9]{2}$'}
        tags: {type: array, items: {type: string}}
        owner: {$ref: '#/components/schemas/Owner'}
    Owner:
      type: object
      properties:
        name: {type: string${openapi === '3.0.3' ? ', nullable: true' : ''}}
`;

describe('example validation in the compiled CLI', () => {
  for (const version of ['3.0.3', '3.1.0'] as const) {
    it(`finds what the sources find, OpenAPI ${version}`, async () => {
      const dir = tempRepo({ 'specs/examples.yaml': spec(version) }, { copySpecs: false });
      const args = ['lint', 'specs/examples.yaml', '--format', 'json'];
      const compiled = await runApis(args, { cwd: dir });
      const sources = await runApisInProcess(args, { cwd: dir });
      const rules = (out: string) => (JSON.parse(out) as { findings: Array<{ rule: string }> }).findings.map((f) => f.rule);
      expect(rules(compiled.stdout).filter((r) => r === 'no-invalid-media-type-examples').length).toBeGreaterThanOrEqual(3);
      expect(rules(compiled.stdout)).toContain('no-invalid-parameter-examples');
      expect(compiled.stdout).toBe(sources.stdout);
      expect(compiled.code).toBe(1);
      expect(sources.code).toBe(1);
    });
  }
});

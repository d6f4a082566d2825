import { houseRules } from '../../rules/ruleset.ts';
import { pointerOf } from '../model/pointer.ts';
import type { SpecModel } from '../lib/spec-model.ts';
import type { Finding } from './finding.ts';

interface HouseRule {
  severity: 'error' | 'warn';
  then: {
    function: (input: unknown, options: unknown, context: unknown) => Array<{ message: string; path?: Array<string | number> }> | undefined;
    functionOptions?: unknown;
  };
}

/**
 * Runs the house rules on a loaded spec by calling the same functions plain Spectral runs through
 * .spectral.mjs (options still schema-checked by their wrappers), without Spectral's own
 * resolution pass, which costs several seconds on large specs. Messages end with the rule id,
 * exactly as the ruleset's `{{error}} (<id>)` template renders them. Lines are filled in by the engine.
 */
export function houseFindings(model: SpecModel): Finding[] {
  const findings: Finding[] = [];
  for (const [rule, definition] of Object.entries(houseRules as Record<string, HouseRule>)) {
    const results = definition.then.function(model.document, definition.then.functionOptions ?? null, { path: [], rule: { name: rule } }) ?? [];
    for (const result of results) {
      const pointer = pointerOf(result.path ?? []);
      findings.push({
        rule,
        severity: definition.severity === 'warn' ? 'warning' : 'error',
        message: `${result.message} (${rule})`,
        file: model.file,
        line: 0,
        column: 0,
        pointer,
        silenced: false,
        reason: null,
        source: model.path,
      });
    }
  }
  return findings;
}

import { isObject } from '../model/openapi-index.ts';
import { UNSILENCEABLE_RULES } from '../../rules/ruleset.ts';

/**
 * `x-lint-exceptions: { <rule-id>: <reason> }` on a node silences that rule on the node and
 * everything below it. Spectral has no inline exceptions, so `apis lint` applies them here.
 * Returns the reason of the nearest exception on the way from the root to the finding.
 */
export function exceptionFor(document: unknown, path: ReadonlyArray<string | number>, rule: string): string | undefined {
  if (UNSILENCEABLE_RULES.includes(rule)) return undefined;
  let node: unknown = document;
  let found: string | undefined;
  for (let i = 0; ; i++) {
    if (isObject(node)) {
      const exceptions = node['x-lint-exceptions'];
      if (isObject(exceptions) && rule in exceptions) found = String(exceptions[rule]);
    }
    if (i >= path.length || node === null || typeof node !== 'object') break;
    node = (node as Record<string | number, unknown>)[path[i]];
  }
  return found;
}

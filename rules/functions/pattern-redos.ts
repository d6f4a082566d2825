import { checkSync } from 'recheck';
import { isObject, type JsonPath } from '../../scripts/model/openapi-index.ts';
import { houseFunction } from '../lib/define.ts';
import { packageVerdictCache, type VerdictCache } from '../lib/verdict-cache.ts';

/**
 * Checked with recheck (the engine behind eslint-plugin-redos): it decides the backtracking cost of
 * a pattern by automata theory, with fuzzing as a fallback, and tells exponential from polynomial.
 * Compared on npm: redos-detector (pure TypeScript) flagged safe e-mail patterns and needed seconds
 * on `(a|a)*b`; safe-regex(2) only counts star height and misses `(a|a)*`. Results are cached per
 * pattern, on disk across runs, since real specs repeat the same few patterns many times.
 */
let verdicts: VerdictCache | undefined;

function verdictOf(pattern: string): string | undefined {
  verdicts ??= packageVerdictCache('recheck', () => import.meta.url);
  const known = verdicts.get(pattern);
  if (known !== undefined) return known ?? undefined;
  let verdict: string | undefined;
  let deterministic = true;
  try {
    const result = checkSync(pattern, 'u', { timeout: 5000 });
    if (result.status === 'vulnerable') {
      const kind = result.complexity.type === 'exponential' ? 'exponential' : `polynomial (degree ${result.complexity.degree})`;
      verdict = `takes ${kind} time on some inputs (for example ${JSON.stringify(result.attack.pattern).slice(0, 80)})`;
    } else if (result.status === 'unknown') {
      verdict = 'could not be proved to run in linear time';
      // (recheck gives up on a timeout, which depends on the machine: asked again next run)
      deterministic = false;
    }
  } catch (error) {
    verdict = `could not be checked (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`;
    deterministic = false;
  }
  if (deterministic) verdicts.set(pattern, verdict ?? null);
  return verdict;
}

/** A pattern that backtracks catastrophically lets one small request stall a validating server. */
export default houseFunction<null>(null, (index) => {
  const out: Array<{ path: JsonPath; message: string }> = [];
  const check = (pattern: unknown, path: JsonPath, what: string) => {
    if (typeof pattern !== 'string') return;
    const verdict = verdictOf(pattern);
    if (verdict)
      out.push({
        path,
        message: `${what} ${JSON.stringify(pattern)} ${verdict}: a request of a hundred bytes can then stall the server; rewrite it without nested or overlapping repetition`,
      });
  };
  for (const { node, path } of index.schemas) {
    if (!isObject(node)) continue;
    check(node.pattern, [...path, 'pattern'], 'pattern');
    if (isObject(node.patternProperties))
      for (const key of Object.keys(node.patternProperties)) check(key, [...path, 'patternProperties', key], 'patternProperties key');
  }
  return out;
});

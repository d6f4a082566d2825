/**
 * JSON Schema `pattern`s checked in linear time. A spec's pattern such as `^([a-zA-Z !]+)+$` is
 * exponential in JavaScript's backtracking engine: a 95-byte body took 3 s and blocked every other
 * request. RE2 (here re2js, a pure-JavaScript port: no native build, runs anywhere) matches in time
 * linear in the input. Ajv builds every pattern through `usePattern` of its vocabularies/code
 * module, so that one function is wrapped to hand Ajv this engine instead of `new RegExp`.
 * Patterns RE2 cannot run (lookaround, backreferences) keep JavaScript's engine; the house rule
 * pattern-redos flags the dangerous ones at lint time.
 * Hand-written and tested in this repository; `apis generate` copies it into each server package.
 */
import { RE2JS } from 're2js';

export interface PatternTester {
  test(text: string): boolean;
  toString(): string;
}

type Engine = ((pattern: string, flags: string) => PatternTester) & { code?: string };

/** A tester for `pattern` (JSON Schema semantics: found anywhere unless anchored). */
export const linearRegExp: Engine = (pattern, flags) => {
  let compiled: RE2JS;
  try {
    compiled = RE2JS.compile(pattern, flags.includes('i') ? RE2JS.CASE_INSENSITIVE : 0);
  } catch {
    return new RegExp(pattern, flags);
  }
  return { test: (text) => compiled.matcher(text).find(), toString: () => `re2:/${pattern}/${flags}` };
};
// Ajv names the engine by this in code it generates for standalone use (never the case here).
linearRegExp.code = 'linearRegExp';

interface AjvCodeModule {
  usePattern: ((cxt: { it: { opts: { code: Record<string, unknown> } } }, pattern: string) => unknown) & { linear?: true };
}

/** Makes every Ajv instance built from this copy of Ajv compile `pattern` and `patternProperties` with RE2. */
export function patchLinearPatterns(ajvCode: AjvCodeModule): void {
  const original = ajvCode.usePattern;
  if (original.linear) return;
  const wrapped: AjvCodeModule['usePattern'] = (cxt, pattern) =>
    original({ ...cxt, it: { ...cxt.it, opts: { ...cxt.it.opts, code: { ...cxt.it.opts.code, regExp: linearRegExp } } } }, pattern);
  wrapped.linear = true;
  ajvCode.usePattern = wrapped;
}

import { Ajv, type ValidateFunction } from 'ajv';
import { indexOf, pointerOf, type JsonPath, type OpenApiIndex } from '../../scripts/model/openapi-index.ts';

/** What Spectral expects back from a rule function. */
export interface IFunctionResult {
  message: string;
  path?: JsonPath;
}

/** A rule function as Spectral calls it, with the `validator` Spectral runs on its options at ruleset load. */
export interface HouseRuleFunction<O> {
  (input: unknown, options: O, context?: unknown): IFunctionResult[];
  validator(options: unknown): void;
}

// The option schemas are ours and tested: checking them against the meta-schema first (compiling it) cost 30 ms per run.
const ajv = new Ajv({ allErrors: true, strict: false, validateSchema: false });

export interface Violation {
  path: JsonPath;
  message: string;
}

type Check<O> = (index: OpenApiIndex, options: O) => Violation[];

/**
 * Wraps a house check as a Spectral function: its options are checked against a JSON schema (when
 * Spectral loads the ruleset, and on every call), the document is indexed once and shared by all
 * rules, a location is reported once, and an unexpected shape becomes a finding instead of an
 * exception. Same contract as Spectral's createRulesetFunction, without loading Spectral's core,
 * which `apis lint` does not otherwise need (it costs a quarter of a second at every start).
 */
export function houseFunction<O extends object | null>(optionsSchema: Record<string, unknown> | null, check: Check<O>): HouseRuleFunction<O> {
  let validate: ValidateFunction | undefined;
  const validator = (options: unknown) => {
    if (optionsSchema === null) {
      if (options !== null && options !== undefined) throw new Error(`"${check.name || 'house rule'}" function does not accept any options`);
      return;
    }
    validate ??= ajv.compile(optionsSchema);
    if (!validate(options)) throw new Error(`invalid functionOptions: ${ajv.errorsText(validate.errors, { dataVar: 'functionOptions' })}`);
  };
  const fn = Object.assign(
    (input: unknown, options: O): IFunctionResult[] => {
      validator(options);
      let violations: Violation[];
      try {
        violations = check(indexOf(input), options);
      } catch (error) {
        return [{ message: `the rule could not check this document: ${error instanceof Error ? error.message : String(error)}`, path: [] }];
      }
      const seen = new Set<string>();
      const results: IFunctionResult[] = [];
      for (const v of violations) {
        const key = pointerOf(v.path) + '\u0000' + v.message;
        if (seen.has(key)) continue;
        seen.add(key);
        results.push({ message: v.message, path: v.path });
      }
      return results;
    },
    { validator },
  );
  return fn;
}

export const stringList = { type: 'array', items: { type: 'string' } } as const;

/** `'a', 'b' and 'c'` for messages. */
export function listWords(words: readonly string[]): string {
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

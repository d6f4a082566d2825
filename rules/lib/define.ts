import { createRulesetFunction, type IFunctionResult } from '@stoplight/spectral-core';
import { indexOf, pointerOf, type JsonPath, type OpenApiIndex } from './openapi-index.ts';

export interface Violation {
  path: JsonPath;
  message: string;
}

type Check<O> = (index: OpenApiIndex, options: O) => Violation[];

/**
 * Wraps a house check as a Spectral function: options are schema-checked by Spectral, the
 * document is indexed once and shared by all rules, a location is reported once, and an
 * unexpected shape becomes a finding instead of an exception.
 */
export function houseFunction<O extends object | null>(optionsSchema: Record<string, unknown> | null, check: Check<O>) {
  return createRulesetFunction<unknown, O>(
    { input: null, options: optionsSchema },
    (input, options): IFunctionResult[] => {
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
  );
}

export const stringList = { type: 'array', items: { type: 'string' } } as const;

/** `'a', 'b' and 'c'` for messages. */
export function listWords(words: readonly string[]): string {
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

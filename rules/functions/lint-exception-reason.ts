import { houseFunction, stringList } from '../lib/define.ts';
import { isObject } from '../../scripts/model/openapi-index.ts';

/** An exception without a reason is a rule switched off; the reason is what the reviewer approves. */
export default houseFunction<{ minExceptionReasonLength: number; knownRules: string[] }>(
  {
    type: 'object',
    properties: { minExceptionReasonLength: { type: 'integer', minimum: 1 }, knownRules: stringList },
    required: ['minExceptionReasonLength', 'knownRules'],
    additionalProperties: false,
  },
  (index, { minExceptionReasonLength, knownRules }) => {
    const out = [];
    for (const { path, node } of index.exceptions) {
      if (!isObject(node)) {
        out.push({ path, message: 'x-lint-exceptions must map rule ids to reasons: { <rule-id>: "<why this is fine here>" }' });
        continue;
      }
      for (const [rule, reason] of Object.entries(node)) {
        if (!knownRules.includes(rule)) {
          out.push({ path: [...path, rule], message: `x-lint-exceptions names ${rule}, which is not a rule` });
        } else if (typeof reason !== 'string' || reason.trim().length < minExceptionReasonLength || !/\S\s+\S/.test(reason.trim())) {
          out.push({
            path: [...path, rule],
            message: `the exception to ${rule} needs a reason: a sentence of at least ${minExceptionReasonLength} characters saying why the rule does not apply here`,
          });
        }
      }
    }
    return out;
  },
);

/**
 * The ruleset plain `spectral lint` and the Spectral editor extension load (compiled to
 * rules/dist/ruleset.mjs, re-exported by .spectral.mjs): Spectral's OpenAPI rules for structure,
 * plus the house rules.
 */
import { oas } from '@stoplight/spectral-rulesets';
import { houseRules } from './ruleset.ts';

export default {
  extends: [[oas, 'recommended']],
  rules: houseRules,
};

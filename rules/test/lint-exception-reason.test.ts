import { describeRule } from './harness.ts';
import { SCHEMAS, WIDGETS } from './paths.ts';

describeRule('lint-exception-reason', 'error', [
  {
    name: 'a reason that is too short, and an empty one',
    change: (d) => {
      d.paths['/v1/widgets'].get['x-lint-exceptions'] = { 'collection-pagination': 'legacy' };
      d.components.schemas.Widget['x-lint-exceptions'] = { 'money-as-string': '' };
    },
    expect: [
      { pointer: `${WIDGETS}/get/x-lint-exceptions/collection-pagination`, message: /needs a reason: a sentence of at least 10 characters/ },
      { pointer: `${SCHEMAS}/Widget/x-lint-exceptions/money-as-string`, message: /money-as-string needs a reason/ },
    ],
  },
  {
    name: 'an unknown rule, a one-word reason and a list instead of a mapping',
    change: (d) => {
      d.paths['/v1/widgets'].get['x-lint-exceptions'] = { 'money-as-strings': 'Typo in the rule id here.', 'opaque-ids': 'Legacyidentifiers' };
      d.components.schemas.Widget['x-lint-exceptions'] = ['opaque-ids'];
    },
    expect: [
      { pointer: `${WIDGETS}/get/x-lint-exceptions/money-as-strings`, message: /names money-as-strings, which is not a rule/ },
      { pointer: `${WIDGETS}/get/x-lint-exceptions/opaque-ids`, message: /needs a reason/ },
      { pointer: `${SCHEMAS}/Widget/x-lint-exceptions`, message: /must map rule ids to reasons/ },
    ],
  },
  {
    name: 'passes: a sentence for a house rule and for a structural rule',
    change: (d) => {
      d.components.schemas.Widget['x-lint-exceptions'] = {
        'opaque-ids': 'Numeric ids are kept for the v1 mobile clients until 2027.',
        'no-unused-components': 'Kept for the v2 draft.',
      };
    },
    expect: [],
  },
]);

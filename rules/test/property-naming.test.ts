import { describeRule } from './harness.ts';
import { SCHEMAS } from './paths.ts';

describeRule('property-naming', 'error', [
  {
    name: 'camelCase and kebab-case names',
    change: (d) => {
      d.components.schemas.Widget.properties.createdAt = { type: 'string', description: 'When.' };
      d.components.schemas.Widget.properties['colour-code'] = { type: 'string', description: 'Colour.' };
    },
    expect: [
      { pointer: `${SCHEMAS}/Widget/properties/createdAt`, message: /property createdAt is not snake_case/ },
      { pointer: `${SCHEMAS}/Widget/properties/colour-code`, message: /colour-code/ },
    ],
  },
  {
    name: 'a leading underscore and a double underscore',
    change: (d) => {
      d.components.schemas.Widget.properties._links = { type: 'object', description: 'Links.' };
      d.components.schemas.Widget.properties.a__b = { type: 'string', description: 'AB.' };
    },
    expect: [
      { pointer: `${SCHEMAS}/Widget/properties/_links`, message: /_links/ },
      { pointer: `${SCHEMAS}/Widget/properties/a__b`, message: /a__b/ },
    ],
  },
  {
    name: 'passes: digits such as card_last4, and patternProperties keys are not names',
    change: (d) => {
      d.components.schemas.Widget.properties.card_last4 = { type: 'string', description: 'Digits.' };
      d.components.schemas.Widget.patternProperties = { '^X-[A-Z]+$': { type: 'string' } };
    },
    expect: [],
  },
]);

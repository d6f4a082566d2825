import { describeRule } from './harness.ts';
import { SCHEMAS } from './paths.ts';

describeRule('money-has-currency', 'error', [
  {
    name: 'a money object without currency',
    change: (d) => {
      delete d.components.schemas.Money.properties.currency;
      d.components.schemas.Money.required = ['value'];
    },
    expect: [{ pointer: `${SCHEMAS}/Money/properties/value`, message: /no currency property/ }],
  },
  {
    name: 'a currency that is optional and unconstrained',
    change: (d) => {
      d.components.schemas.Money.required = ['value'];
      d.components.schemas.Money.properties.currency = { type: 'string', description: 'Currency.' };
    },
    expect: [
      { pointer: `${SCHEMAS}/Money/properties/currency`, message: /must be required/ },
      { pointer: `${SCHEMAS}/Money/properties/currency`, message: /ISO 4217/ },
    ],
  },
  {
    name: 'an amount beside a lowercase currency enum',
    change: (d) =>
      (d.components.schemas.Charge = {
        type: 'object',
        description: 'A charge.',
        required: ['amount', 'currency'],
        properties: {
          amount: { type: 'string', pattern: '^\\d+$', description: 'Amount.' },
          currency: { type: 'string', enum: ['eur'], description: 'Currency.' },
        },
      }),
    expect: [{ pointer: `${SCHEMAS}/Charge/properties/currency`, message: /ISO 4217/ }],
  },
  {
    name: 'passes: an enum of ISO codes, and a key/value pair whose value is not a decimal',
    change: (d) => {
      d.components.schemas.Money.properties.currency = { type: 'string', enum: ['EUR', 'USD'], description: 'Currency.' };
      d.components.schemas.Tag = {
        type: 'object',
        description: 'A label.',
        properties: { key: { type: 'string', description: 'Key.' }, value: { type: 'string', description: 'Value.' } },
      };
    },
    expect: [],
  },
]);

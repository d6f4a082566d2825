import { describeRule } from './harness.ts';
import { SCHEMAS } from './paths.ts';

describeRule('money-as-string', 'error', [
  {
    name: 'an integer tip and a number price',
    change: (d) => {
      d.components.schemas.Widget.properties.tip = { type: 'integer', description: 'Tip.' };
      d.components.schemas.WidgetInput.properties.unit_price = { type: 'number', description: 'Price.' };
    },
    expect: [
      { pointer: `${SCHEMAS}/Widget/properties/tip`, message: /tip is money typed as integer.*decimal/ },
      { pointer: `${SCHEMAS}/WidgetInput/properties/unit_price`, message: /unit_price is money typed as number/ },
    ],
  },
  {
    name: 'a Money value typed as number is reported once, at the shared schema',
    change: (d) => (d.components.schemas.Money.properties.value = { type: 'number', description: 'Amount.' }),
    expect: [{ pointer: `${SCHEMAS}/Money/properties/value`, message: /value is money typed as number/ }],
  },
  {
    name: 'a money string without a pattern, and an array of number fees',
    change: (d) => {
      d.components.schemas.Widget.properties.balance = { type: 'string', description: 'Balance.' };
      d.components.schemas.Widget.properties.fees = { type: 'array', description: 'Fees.', items: { type: 'number' } };
    },
    expect: [
      { pointer: `${SCHEMAS}/Widget/properties/balance`, message: /without a decimal pattern/ },
      { pointer: `${SCHEMAS}/Widget/properties/fees/items`, message: /fees is money typed as number/ },
    ],
  },
  {
    name: 'passes: total_count, amount_percent and tips_enabled are not money; format decimal is',
    change: (d) => {
      d.components.schemas.Widget.properties.amount_percent = { type: 'number', description: 'A ratio.' };
      d.components.schemas.Widget.properties.tips_enabled = { type: 'boolean', description: 'A flag.' };
      d.components.schemas.Widget.properties.fee = { type: 'string', format: 'decimal', description: 'Fee.' };
      d.components.schemas.Widget.properties.price_currency = { type: 'string', enum: ['EUR'], description: 'A code.' };
    },
    expect: [],
  },
]);

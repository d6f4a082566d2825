import { describeRule } from './harness.ts';
import { SCHEMAS } from './paths.ts';

describeRule('property-description', 'warning', [
  {
    name: 'a property without description',
    change: (d) => delete d.components.schemas.Widget.properties.name.description,
    expect: [{ pointer: `${SCHEMAS}/Widget/properties/name`, message: /property name has no description/ }],
  },
  {
    name: 'nested and array-item properties are checked too',
    change: (d) =>
      (d.components.schemas.Widget.properties.parts = {
        type: 'array',
        description: 'Parts.',
        items: { type: 'object', properties: { part_code: { type: 'string' } } },
      }),
    expect: [{ pointer: `${SCHEMAS}/Widget/properties/parts/items/properties/part_code`, message: /part_code/ }],
  },
  {
    name: 'passes: a $ref whose target is described, or a description beside the $ref (3.1)',
    change: (d) => {
      d.components.schemas.Widget.properties.cost = { $ref: '#/components/schemas/Money' };
      d.components.schemas.Widget.properties.list_price = { $ref: '#/components/schemas/Undocumented', description: 'Price before discount.' };
      d.components.schemas.Undocumented = { type: 'object', properties: {} };
    },
    expect: [],
  },
]);

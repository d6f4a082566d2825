import { describeRule } from './harness.ts';
import { SCHEMAS, WIDGETS } from './paths.ts';

describeRule('opaque-ids', 'error', [
  {
    name: 'an integer id and a number owner_id',
    change: (d) => {
      d.components.schemas.Widget.properties.id = { type: 'integer', description: 'Id.' };
      d.components.schemas.Widget.properties.owner_id = { type: 'number', description: 'Owner.' };
    },
    expect: [
      { pointer: `${SCHEMAS}/Widget/properties/id`, message: /property id is an identifier typed as integer.*opaque strings/ },
      { pointer: `${SCHEMAS}/Widget/properties/owner_id`, message: /owner_id/ },
    ],
  },
  {
    name: 'an integer path parameter and a camelCase userId in a query',
    change: (d) => {
      d.components.parameters.WidgetId.schema = { type: 'integer' };
      d.paths['/v1/widgets'].get.parameters.push({ name: 'userId', in: 'query', schema: { type: 'integer', format: 'int64' } });
    },
    expect: [
      { pointer: '/components/parameters/WidgetId/schema', message: /parameter widget_id/ },
      { pointer: `${WIDGETS}/get/parameters/2/schema`, message: /parameter userId/ },
    ],
  },
  {
    name: 'passes: nullable string ids and names that only contain "id"',
    change: (d) => {
      d.components.schemas.Widget.properties.parent_id = { type: ['string', 'null'], description: 'Parent.' };
      d.components.schemas.Widget.properties.width = { type: 'integer', description: 'Width.' };
      d.components.schemas.Widget.properties.valid = { type: 'boolean', description: 'Valid.' };
    },
    expect: [],
  },
]);

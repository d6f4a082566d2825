import { describeRule } from './harness.ts';
import { SCHEMAS } from './paths.ts';

describeRule('business-outcome-as-state', 'warning', [
  {
    name: 'a failed status without a reason',
    change: (d) => delete d.components.schemas.Widget.properties.failure_reason,
    expect: [{ pointer: `${SCHEMAS}/Widget/properties/status`, message: /status can be failed but the object has no property saying why/ }],
  },
  {
    name: 'declined and expired through a $ref enum, inline schema',
    change: (d) => {
      d.components.schemas.PaymentState = { type: 'string', enum: ['pending', 'declined', 'expired'], description: 'State.' };
      d.components.schemas.Payment = {
        type: 'object',
        description: 'A payment.',
        properties: { status: { $ref: '#/components/schemas/PaymentState' }, note: { type: 'string', description: 'A note.' } },
      };
    },
    expect: [{ pointer: `${SCHEMAS}/Payment/properties/status`, message: /declined, expired/ }],
  },
  {
    name: 'passes: a *_details sibling, an error sibling, or a reason from an allOf base',
    change: (d) => {
      d.components.schemas.A = {
        type: 'object',
        description: 'A.',
        properties: { status: { type: 'string', enum: ['canceled'], description: 'S.' }, cancellation_details: { type: 'object', description: 'Why.' } },
      };
      d.components.schemas.B = {
        type: 'object',
        description: 'B.',
        properties: { status: { type: 'string', enum: ['rejected'], description: 'S.' }, error: { type: 'string', description: 'Why.' } },
      };
      d.components.schemas.Base = { type: 'object', description: 'Base.', properties: { rejection_reason: { type: 'string', description: 'Why.' } } };
      d.components.schemas.C = {
        description: 'C.',
        allOf: [{ $ref: '#/components/schemas/Base' }],
        properties: { status: { type: 'string', enum: ['rejected'], description: 'S.' } },
      };
    },
    expect: [],
  },
  {
    name: 'passes: a status without failure values needs no reason',
    change: (d) => {
      d.components.schemas.Widget.properties.status.enum = ['active', 'archived'];
      delete d.components.schemas.Widget.properties.failure_reason;
    },
    expect: [],
  },
]);

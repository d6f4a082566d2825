import { describeRule } from './harness.ts';
import { SCHEMAS } from './paths.ts';

describeRule('no-internal-fields', 'error', [
  {
    name: 'a trace id, a database shard and a hostname',
    change: (d) => {
      const props = d.components.schemas.Widget.properties;
      props.trace_id = { type: 'string', description: 'Trace.' };
      props.dbShard = { type: 'string', description: 'Shard.' };
      props.server_hostname = { type: 'string', description: 'Host.' };
    },
    expect: [
      { pointer: `${SCHEMAS}/Widget/properties/trace_id`, message: /internal or technical detail \("trace"\)/ },
      { pointer: `${SCHEMAS}/Widget/properties/dbShard`, message: /"db"/ },
      { pointer: `${SCHEMAS}/Widget/properties/server_hostname`, message: /"hostname"|"server"/ },
    ],
  },
  {
    name: 'a readable password in a response schema',
    change: (d) => (d.components.schemas.Widget.properties.admin_password = { type: 'string', description: 'Password.' }),
    expect: [{ pointer: `${SCHEMAS}/Widget/properties/admin_password`, message: /in a response with a password.*writeOnly/ }],
  },
  {
    name: 'passes: a writeOnly secret, a secret only in a request, and description/tracking are not tokens',
    change: (d) => {
      d.components.schemas.Widget.properties.api_secret = { type: 'string', writeOnly: true, description: 'Secret.' };
      d.components.schemas.WidgetInput.properties.client_secret = { type: 'string', description: 'Secret, sent only.' };
      d.components.schemas.Widget.properties.tracking_number = { type: 'string', description: 'Parcel.' };
    },
    expect: [],
  },
]);

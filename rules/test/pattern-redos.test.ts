import { describeRule } from './harness.ts';
import { SCHEMAS, WIDGETS } from './paths.ts';

describeRule('pattern-redos', 'error', [
  {
    name: 'a nested repetition in a property pattern, and an overlapping alternation in a parameter',
    change: (d) => {
      d.components.schemas.WidgetInput.properties.name.pattern = '^([a-zA-Z !]+)+$';
      d.paths['/v1/widgets'].get.parameters.push({ name: 'q', in: 'query', description: 'Search.', schema: { type: 'string', pattern: '^(\\w+\\s?)*$' } });
    },
    expect: [
      {
        pointer: `${SCHEMAS}/WidgetInput/properties/name/pattern`,
        message: /"\^\(\[a-zA-Z !\]\+\)\+\$" takes exponential time on some inputs.*stall the server/,
      },
      { pointer: `${WIDGETS}/get/parameters/2/schema/pattern`, message: /exponential/ },
    ],
  },
  {
    name: 'a patternProperties key that backtracks',
    change: (d) => {
      d.components.schemas.Widget.properties.labels = { type: 'object', description: 'Labels.', patternProperties: { '^(a|a)*$': { type: 'string' } } };
    },
    expect: [{ pointer: `${SCHEMAS}/Widget/properties/labels/patternProperties/^(a|a)*$`, message: /patternProperties key .* exponential/ }],
  },
  {
    name: 'passes: the house patterns, anchored character classes, an e-mail shape',
    change: (d) => {
      d.components.schemas.WidgetInput.properties.name.pattern = '^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}$';
      d.components.schemas.Widget.properties.name.pattern = '^[a-z0-9]+(-[a-z0-9]+)*$';
    },
    expect: [],
  },
]);

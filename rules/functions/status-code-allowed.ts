import { houseFunction, stringList } from '../lib/define.ts';
import { isObject } from '../../scripts/model/openapi-index.ts';

/** Response keys must be transport codes from the allow-list; business outcomes are resource state. */
export default houseFunction<{ allowedStatusCodes: string[] }>(
  { type: 'object', properties: { allowedStatusCodes: stringList }, required: ['allowedStatusCodes'], additionalProperties: false },
  (index, { allowedStatusCodes }) =>
    index.operations.flatMap((op) =>
      isObject(op.node.responses)
        ? Object.keys(op.node.responses)
            .filter((code) => code !== 'default' && !code.startsWith('x-') && !allowedStatusCodes.includes(code))
            .map((code) => ({
              path: [...op.path, 'responses', code],
              message: `${op.label} declares response ${code}, which is not an allowed status code: HTTP codes describe the transport; a business outcome (declined, insufficient funds…) belongs in the resource's state, e.g. status: canceled with a reason`,
            }))
        : [],
    ),
);

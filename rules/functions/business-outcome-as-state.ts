import { houseFunction, stringList } from '../lib/define.ts';
import { isObject } from '../../scripts/model/openapi-index.ts';
import { mergedObject } from '../lib/schema.ts';

/** A status enum that can say "it failed" needs a sibling saying why. */
export default houseFunction<{ failureStatuses: string[] }>(
  { type: 'object', properties: { failureStatuses: stringList }, required: ['failureStatuses'], additionalProperties: false },
  (index, { failureStatuses }) => {
    const out = [];
    for (const entry of index.schemas) {
      if (!isObject(entry.node) || !isObject(entry.node.properties) || !('status' in entry.node.properties)) continue;
      const statusPath = [...entry.path, 'properties', 'status'];
      const status = index.resolve(entry.node.properties.status, statusPath);
      if (!status || !isObject(status.node) || !Array.isArray(status.node.enum)) continue;
      const failures = status.node.enum.filter((v: unknown) => typeof v === 'string' && failureStatuses.includes(v.toLowerCase()));
      if (failures.length === 0) continue;
      const siblings = [...mergedObject(index, entry.node, entry.path).properties.keys()];
      if (siblings.some((name) => name === 'error' || name.endsWith('_reason') || name.endsWith('_details'))) continue;
      out.push({
        path: statusPath,
        message: `status can be ${failures.join(', ')} but the object has no property saying why: add a sibling such as ${failures[0]}_reason or cancellation_details (a *_reason, *_details or error property)`,
      });
    }
    return out;
  },
);

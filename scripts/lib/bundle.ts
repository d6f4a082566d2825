import { bundle } from '@redocly/openapi-core';
import { stringify } from 'yaml';
import { UserError } from './errors.ts';
import { ModelResolver, redoclyConfig } from './redocly.ts';
import { assertResolvable, type SpecModel } from './spec-model.ts';

export interface Bundled {
  document: Record<string, unknown>;
  json: string;
  yaml: string;
}

/** One self-contained document per spec: external $refs become components; same input, same bytes. */
export async function bundleModel(model: SpecModel): Promise<Bundled> {
  assertResolvable(model);
  const config = await redoclyConfig('none');
  const result = await bundle({ ref: model.path, config, externalRefResolver: new ModelResolver(model), dereference: false });
  const failure = result.problems.find((p) => p.severity === 'error');
  if (failure) throw new UserError(`${model.file}: cannot bundle: ${failure.message}`);
  const document = result.bundle.parsed as Record<string, unknown>;
  return {
    document,
    json: JSON.stringify(document, null, 2) + '\n',
    // Shared objects (YAML anchors in the source) are written out in full: no anchors in generated files.
    yaml: stringify(document, { lineWidth: 0, aliasDuplicateObjects: false }),
  };
}

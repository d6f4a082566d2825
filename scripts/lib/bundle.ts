import { bundle, createConfig, BaseResolver, Source, ResolveError } from '@redocly/openapi-core';
import { stringify } from 'yaml';
import { UserError } from './errors.ts';
import { assertResolvable, type SpecModel } from './spec-model.ts';

/** Hands Redocly's bundler the files the model already loaded, so bundling never touches disk or network. */
class ModelResolver extends BaseResolver {
  constructor(private readonly model: SpecModel) {
    super();
  }
  override async loadExternalRef(absoluteRef: string): Promise<Source> {
    const file = this.model.files.get(absoluteRef);
    if (!file) throw new ResolveError(new Error(`${absoluteRef} was not loaded`));
    return new Source(absoluteRef, file.text);
  }
}

export interface Bundled {
  document: Record<string, unknown>;
  json: string;
  yaml: string;
}

/** One self-contained document per spec: external $refs become components; same input, same bytes. */
export async function bundleModel(model: SpecModel): Promise<Bundled> {
  assertResolvable(model);
  const config = await createConfig({});
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

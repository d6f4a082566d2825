import { stringify } from 'yaml';
import { UserError } from './errors.ts';
import { assertResolvable, type SpecModel } from './spec-model.ts';

export interface Bundled {
  document: Record<string, unknown>;
  /** Serialised on first read: mock, docs and diff only need the document. */
  readonly json: string;
  readonly yaml: string;
}

export const bundleJson = (document: unknown): string => JSON.stringify(document, null, 2) + '\n';
// Shared objects (YAML anchors in the source) are written out in full: no anchors in generated files.
export const bundleYaml = (document: unknown): string => stringify(document, { lineWidth: 0, aliasDuplicateObjects: false });

/** One self-contained document per spec: external $refs become components; same input, same bytes. */
export async function bundleModel(model: SpecModel): Promise<Bundled> {
  assertResolvable(model);
  // A single-file spec is its own bundle (its $refs are all internal): Redocly's bundler, and the
  // time it takes to load, is needed only when other files are referenced.
  const document = model.files.size === 1 ? model.document : await bundleFiles(model);
  let json: string | undefined;
  let yaml: string | undefined;
  return {
    document,
    get json() {
      json ??= bundleJson(document);
      return json;
    },
    get yaml() {
      yaml ??= bundleYaml(document);
      return yaml;
    },
  };
}

/** External $refs become components; the files come from the model, never from disk or network. */
async function bundleFiles(model: SpecModel): Promise<Record<string, unknown>> {
  const { bundle } = await import('@redocly/openapi-core');
  const { ModelResolver, redoclyConfig } = await import('./redocly.ts');
  const result = await bundle({ ref: model.path, config: await redoclyConfig('none'), externalRefResolver: new ModelResolver(model), dereference: false });
  const failure = result.problems.find((p) => p.severity === 'error');
  if (failure) throw new UserError(`${model.file}: cannot bundle: ${failure.message}`);
  return result.bundle.parsed as Record<string, unknown>;
}

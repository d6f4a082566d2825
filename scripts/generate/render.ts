/**
 * The part of generation that does not need the types: the bundle's YAML copy and the compiled
 * client and server. On a large spec it runs in a worker thread (worker.ts) while openapi-typescript
 * builds the types on the main thread: on GitHub's description it is a third of the work.
 */
import { bundleYaml } from '../lib/bundle.ts';
import { compileModule } from './compile.ts';

export interface RenderInput {
  /** The bundle as JSON text (a string crosses to a worker far faster than the object). */
  json: string;
  /** Generated TypeScript sources to compile, by package path. */
  sources: Array<[path: string, source: string]>;
}

export interface RenderOutput {
  yaml: string;
  compiled: Array<[path: string, output: { js: string; dts: string }]>;
}

export function render(input: RenderInput): RenderOutput {
  return {
    yaml: bundleYaml(JSON.parse(input.json)),
    compiled: input.sources.map(([path, source]) => [path, compileModule(source, path)]),
  };
}

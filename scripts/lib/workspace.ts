import { dirname } from 'node:path';
import { UserError } from './errors.ts';
import { domainsOf, findRepoRoot, listDomains, selectDomains, specPathOf, specsDir } from './repo.ts';
import { loadSpec, type SpecModel, type SpecReader } from './spec-model.ts';

/** Loads the given spec files, or every domain's spec when none is given, stopping at the first unusable one. */
export async function loadSpecFiles(files: string[]): Promise<SpecModel[]> {
  const root = findRepoRoot();
  const paths = files.length > 0 ? files : listDomains(root).map((d) => specPathOf(root, d));
  const models: SpecModel[] = [];
  for (const path of paths) models.push(await loadSpec(path, { boundary: findRepoRoot(dirname(path)) }));
  return models;
}

export interface DomainSpec {
  domain: string;
  model: SpecModel;
}

/** Loads the named domains (all when none is named) of the repository around the working folder. */
export async function loadDomains(requested: string[], reader?: SpecReader): Promise<{ root: string; specs: DomainSpec[] }> {
  const root = findRepoRoot();
  const specs: DomainSpec[] = [];
  for (const domain of selectDomains(root, requested, await domainsSeenBy(root, reader))) {
    specs.push({ domain, model: await loadSpec(specPathOf(root, domain), { boundary: root, reader }) });
  }
  return { root, specs };
}

/** The domains as the reader sees them: a git ref may have more, fewer or other domains than the working tree. */
async function domainsSeenBy(root: string, reader: SpecReader | undefined): Promise<string[]> {
  if (!reader?.list) return listDomains(root);
  const specsFolder = specsDir(root);
  const names = await reader.list(specsFolder);
  if (names === undefined) throw new UserError(`${reader.label(specsFolder)}: no specs/ folder there`);
  return domainsOf(names);
}

import { pageLink } from '../../lib/links.ts';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { toolchainRoot, toolchainVersion } from '../../lib/toolchain.ts';
import { ruleDocPath, type LintReport } from './report.ts';

const LEVEL = { error: 'error', warning: 'warning', info: 'note', hint: 'note' } as const;

/** SARIF 2.1.0 for GitHub code scanning; silenced findings carry an in-source suppression with the reason. */
export function formatSarif({ findings, repository }: LintReport): string {
  // helpUri must be an absolute URI (SARIF1005): the page's address when the repository's is known, else none.
  const rules = [...new Set(findings.map((f) => f.rule))].sort().map((id) => {
    const doc = ruleDocPath(id);
    return { id, shortDescription: { text: id }, ...(doc && repository ? { helpUri: pageLink(repository, doc) } : {}) };
  });
  const results = findings.map((f) => ({
    ruleId: f.rule,
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [
      {
        physicalLocation: { artifactLocation: { uri: f.file }, region: { startLine: f.line, startColumn: f.column } },
        logicalLocations: [{ fullyQualifiedName: f.pointer || '/', kind: 'member' }],
      },
    ],
    ...(f.silenced ? { suppressions: [{ kind: 'inSource', justification: f.reason ?? '' }] } : {}),
  }));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{ tool: { driver: { name: 'apis lint', version: toolchainVersion(), informationUri: informationUri(repository), rules } }, results }],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

/** The toolchain's README: on the repository's host when its address is known, else the file in this checkout. */
function informationUri(repository: string | undefined): string {
  return repository ? `${repository}#readme` : pathToFileURL(join(toolchainRoot(), 'README.md')).href;
}

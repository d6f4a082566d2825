import { HOUSE_RULE_IDS } from '../../../rules/ruleset.ts';
import { ruleDocPath, type LintReport } from './report.ts';

const LEVEL = { error: 'error', warning: 'warning', info: 'note', hint: 'note' } as const;

/** SARIF 2.1.0 for GitHub code scanning; silenced findings carry an in-source suppression with the reason. */
export function formatSarif({ findings }: LintReport): string {
  const rules = [...new Set(findings.map((f) => f.rule))].sort().map((id) => {
    const doc = ruleDocPath(id, HOUSE_RULE_IDS);
    return { id, shortDescription: { text: id }, ...(doc ? { helpUri: doc } : {}) };
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
    runs: [{ tool: { driver: { name: 'apis lint', rules } }, results }],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

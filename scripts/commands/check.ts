import { readFile } from 'node:fs/promises';
import { bundleModel } from '../lib/bundle.ts';
import { colorizer, plural } from '../lib/output.ts';
import { displayPath } from '../lib/repo.ts';
import { loadDomains, type DomainSpec } from '../lib/workspace.ts';
import { lintModels } from '../lint/engine.ts';
import { summarize } from '../lint/finding.ts';
import { formatReport } from '../lint/format/index.ts';
import { bundleTargets } from './bundle.ts';

export interface CheckOutcome {
  name: string;
  ok: boolean;
  summary: string;
  /** Shown under a failing check: what exactly is wrong. */
  details?: string;
  /** The one command that reproduces (or fixes) the failure locally. */
  reproduce: string;
}

interface CheckContext {
  root: string;
  specs: DomainSpec[];
}

type Check = (context: CheckContext) => Promise<CheckOutcome>;

const lintCheck: Check = async ({ specs }) => {
  const findings = await lintModels(specs.map((s) => s.model));
  const { errors, warnings } = summarize(findings);
  return {
    name: 'lint',
    ok: errors === 0,
    summary: `${plural(specs.length, 'spec')}: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`,
    details: errors + warnings > 0 ? formatReport('stylish', { findings }) : undefined,
    reproduce: 'npx apis lint',
  };
};

const bundleFreshnessCheck: Check = async ({ root, specs }) => {
  const stale: string[] = [];
  for (const { domain, model } of specs) {
    const bundled = await bundleModel(model);
    const target = bundleTargets(root, domain);
    for (const [path, expected] of [[target.json, bundled.json], [target.yaml, bundled.yaml]] as const) {
      const current = await readFile(path, 'utf8').catch(() => undefined);
      if (current !== expected) stale.push(`${displayPath(path)} is ${current === undefined ? 'missing' : 'out of date'}`);
    }
  }
  return {
    name: 'bundle',
    ok: stale.length === 0,
    summary: stale.length === 0 ? 'generated bundles match the specs' : `${plural(stale.length, 'bundle')} not up to date`,
    details: stale.length > 0 ? stale.map((s) => `  ${s}\n`).join('') : undefined,
    reproduce: 'npx apis bundle',
  };
};

/** The CI gate, in the order CI reports it. Later capabilities add their checks here. */
const CHECKS: Check[] = [lintCheck, bundleFreshnessCheck];

export async function runChecks(): Promise<CheckOutcome[]> {
  const { root, specs } = await loadDomains([]);
  const outcomes: CheckOutcome[] = [];
  for (const check of CHECKS) outcomes.push(await check({ root, specs }));
  return outcomes;
}

export function reportChecks(outcomes: CheckOutcome[]): string {
  const paint = colorizer();
  const lines: string[] = [];
  for (const o of outcomes) {
    lines.push(`${o.ok ? paint('green', '✔') : paint('red', '✖')} ${o.name.padEnd(8)} ${o.summary}`);
    if (o.details) lines.push(o.details.trimEnd());
    if (!o.ok) lines.push(`  reproduce: ${o.reproduce}`);
  }
  const failed = outcomes.filter((o) => !o.ok).length;
  lines.push(failed === 0 ? paint('green', `all ${outcomes.length} checks passed`) : paint('red', `${failed} of ${outcomes.length} checks failed`));
  return lines.join('\n') + '\n';
}

/** `apis check`: everything the CI gate runs; exit 1 when any check fails. */
export async function checkCommand(): Promise<number> {
  const outcomes = await runChecks();
  process.stdout.write(reportChecks(outcomes));
  return outcomes.every((o) => o.ok) ? 0 : 1;
}

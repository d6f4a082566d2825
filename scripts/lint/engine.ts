import type { SpecModel } from '../lib/spec-model.ts';
import { pointerToPath } from '../model/pointer.ts';
import { forgetIndex } from '../model/openapi-index.ts';
import { exceptionFor } from './exceptions.ts';
import { compareFindings, type Finding } from './finding.ts';
import { houseFindings } from './house.ts';

/**
 * One report per run: structural validity plus the house rules, with x-lint-exceptions applied.
 * `structural: false` runs the house rules alone (the docs site, which builds many refs at once).
 */
export async function lintModels(models: SpecModel[], options: { structural?: boolean } = {}): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const model of models) {
    // House rules only read the document; they run before Redocly, which owns it afterwards.
    const raw = houseFindings(model);
    // The index holds a path per schema and property: dropped, Redocly runs with less to collect.
    forgetIndex(model.document);
    // Our own resolver's verdict on every $ref (own properties only, percent-encoding checked);
    // Redocly's resolver reads through the object prototype (`#/components/schemas/constructor`).
    for (const p of model.refProblems) {
      const rule = p.cycle ? 'no-ref-cycle' : 'no-unresolved-refs';
      raw.push({
        rule,
        severity: 'error',
        message: `${p.message} (${rule})`,
        file: p.file,
        line: 0,
        column: 0,
        pointer: `${p.pointer}/$ref`,
        silenced: false,
        reason: null,
        source: [...model.files.entries()].find(([, f]) => f.file === p.file)?.[0] ?? model.path,
      });
    }
    // Redocly loads only when structure is checked (it is the slowest module to load).
    if (options.structural !== false) {
      const ours = new Set(raw.filter((f) => f.rule === 'no-unresolved-refs').map((f) => f.pointer));
      const structural = await (await import('./structural.ts')).structuralFindings(model);
      raw.push(...structural.filter((f) => !(f.rule === 'no-unresolved-refs' && ours.has(f.pointer))));
    }
    const bySource = new Map<string, Finding[]>();
    for (const f of raw) {
      const source = f.source ?? model.path;
      const group = bySource.get(source);
      if (group) group.push(f);
      else bySource.set(source, [f]);
    }
    for (const [source, group] of bySource) {
      const file = model.files.get(source);
      const positions = file?.positions(new Set(group.map((f) => f.pointer)));
      for (const finding of group) {
        const { line, column } = positions?.get(finding.pointer) ?? { line: 1, column: 1 };
        const reason = exceptionFor(file?.value, pointerToPath(finding.pointer), finding.rule);
        findings.push({ ...finding, line, column, ...(reason === undefined ? {} : { silenced: true, reason }) });
      }
    }
  }
  return findings.sort(compareFindings);
}

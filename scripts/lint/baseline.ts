import { diffDocuments } from '../diff/compare-document.ts';
import { evaluateGate } from '../diff/policy.ts';
import { gitReader } from '../lib/git.ts';
import { findRepoRoot } from '../lib/repo.ts';
import { loadSpec, type SpecModel } from '../lib/spec-model.ts';
import { pointerOf } from '../model/pointer.ts';
import { lintModels } from './engine.ts';
import { compareFindings, type Finding } from './finding.ts';

export interface Baseline {
  findings: Finding[];
  ref: string;
  preexisting: number;
}

/**
 * Keeps the findings that do not exist at `ref` in the same file, matched on rule id and JSON
 * pointer (not line numbers, which shift with every edit); a file that is new has no old findings.
 * Adds one finding per `x-accepted-breaking-changes` entry that matches no change against `ref`.
 */
export async function newSince(ref: string, models: SpecModel[], findings: Finding[]): Promise<Baseline> {
  const reader = await gitReader(ref, process.cwd());
  const baseModels = new Map<string, SpecModel>();
  for (const model of models) {
    if ((await reader.read(model.path)) === undefined) continue;
    baseModels.set(model.path, await loadSpec(model.path, { reader, boundary: findRepoRoot(model.path) }));
  }
  const key = (f: Finding) => `${f.source}\u0000${f.rule}\u0000${f.pointer}`;
  // A spec whose every file reads the same at `ref` has the same findings there, so only changed specs
  // are linted again; one sharing a file with a changed spec counts as changed (findings in a shared
  // file do not say which spec raised them).
  const heads = new Map(models.map((m) => [m.path, m]));
  const changed = [...baseModels.values()].filter((base) => !sameSources(base, heads.get(base.path)!));
  const touched = new Set(changed.flatMap((m) => [...m.files.keys(), ...heads.get(m.path)!.files.keys()]));
  const relint = [...baseModels.values()].filter((m) => changed.includes(m) || [...m.files.keys()].some((f) => touched.has(f)));
  const reused = new Set([...baseModels.values()].filter((m) => !relint.includes(m)).flatMap((m) => [...m.files.keys()]));
  const old = new Set([...findings.filter((f) => f.source !== undefined && reused.has(f.source)), ...(await lintModels(relint))].map(key));
  const fresh = findings.filter((f) => !old.has(key(f)));
  for (const model of models) fresh.push(...acceptanceFindings(ref, baseModels.get(model.path) ?? null, model));
  // Silenced findings are reported as silenced, not as left out: only active old ones count here.
  const preexisting = findings.filter((f) => !f.silenced && old.has(key(f))).length;
  return { findings: fresh.sort(compareFindings), ref, preexisting };
}

function sameSources(base: SpecModel, head: SpecModel): boolean {
  if (base.files.size !== head.files.size) return false;
  for (const [path, source] of head.files) if (base.files.get(path)?.text !== source.text) return false;
  return true;
}

/** An acceptance of a breaking change that no longer matches anything, or has no reason, must go. */
function acceptanceFindings(ref: string, base: SpecModel | null, head: SpecModel): Finding[] {
  if (!Array.isArray(head.document['x-accepted-breaking-changes'])) return [];
  const gate = evaluateGate(base?.document ?? null, head.document, diffDocuments(base?.document ?? null, head.document));
  const rule = 'accepted-breaking-change';
  const problems = [
    ...gate.stale.map((a) => ({
      a,
      message: `x-accepted-breaking-changes[${a.index}] (${a.change} on ${a.operation ?? 'the document'}) matches no change against ${ref}: remove it (${rule})`,
    })),
    ...gate.unreasoned.map((a) => ({
      a,
      message: `x-accepted-breaking-changes[${a.index}] needs a reason of at least 10 characters that the code owners approve (${rule})`,
    })),
  ];
  return problems.map(({ a, message }) => {
    const pointer = pointerOf(['x-accepted-breaking-changes', a.index]);
    const { line, column } = head.root.position(pointer);
    return { rule, severity: 'error', message, file: head.file, line, column, pointer, silenced: false, reason: null, source: head.path } satisfies Finding;
  });
}

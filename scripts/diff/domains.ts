import { gitReader, gitTopLevel } from '../lib/git.ts';
import { domainsOf, listDomains, specsDir, specPathOf, posixRelative } from '../lib/repo.ts';
import type { Change } from './change.ts';
import { diffDocuments } from './compare-document.ts';
import { loadSide } from './load.ts';
import { evaluateGate, type GateResult } from './policy.ts';
import type { JsonObject } from '../model/openapi-index.ts';

export interface DomainDiff {
  domain: string;
  base: JsonObject | null;
  head: JsonObject | null;
  /** Every change, breaking ones with their gate status. */
  changes: Change[];
  gate: GateResult;
}

/** Domains at a git ref, read from git without a checkout; none when the ref or its specs/ do not exist. */
export async function domainsAt(ref: string, cwd = process.cwd()): Promise<string[]> {
  const top = await gitTopLevel(cwd);
  const reader = await gitReader(ref, top).catch(() => undefined);
  return domainsOf((await reader?.list?.(specsDir(top))) ?? []);
}

/**
 * Compares every domain with the same domain at `ref` (new and removed domains included): the
 * working tree's specs, or with `headRef` the specs of that commit, read from git objects.
 */
export async function diffDomains(ref: string, root: string, only: string[] = [], headRef?: string): Promise<DomainDiff[]> {
  const top = await gitTopLevel(root);
  const headDomains = headRef ? await domainsAt(headRef, root) : listDomains(root);
  const names = [...new Set([...headDomains, ...(await domainsAt(ref, root))])].filter((d) => only.length === 0 || only.includes(d)).sort();
  const result: DomainDiff[] = [];
  for (const domain of names) {
    const rel = posixRelative(top, specPathOf(root, domain));
    const base = await loadSide(`${ref}:${rel}`);
    const head = !headDomains.includes(domain)
      ? { label: rel, document: null }
      : headRef
        ? await loadSide(`${headRef}:${rel}`)
        : await loadSide(specPathOf(root, domain));
    const gate = evaluateGate(base.document, head.document, diffDocuments(base.document, head.document));
    result.push({ domain, base: base.document, head: head.document, changes: gate.changes, gate });
  }
  return result;
}

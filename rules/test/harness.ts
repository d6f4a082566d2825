/**
 * Table-driven rule tests, after IBM's openapi-ruleset: a clean base document gives no finding;
 * each case changes one thing in a copy and states exactly which findings of the rule it expects.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { houseFindings } from '../../scripts/lint/house.ts';
import type { SpecModel } from '../../scripts/lib/spec-model.ts';
import { parseSource } from '../../scripts/lib/yaml-source.ts';
import { houseRules } from '../ruleset.ts';

const BASE_TEXT = readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'base.yaml'), 'utf8');

/** A fresh copy of the base document to change. */
export function base(): any {
  return parse(BASE_TEXT);
}

export function modelOf(document: unknown, file = 'spec.yaml'): SpecModel {
  const root = parseSource(stringify(document), file);
  return {
    file,
    path: `/virtual/${file}`,
    root,
    document: root.value as Record<string, any>,
    version: '3.1',
    files: new Map([[`/virtual/${file}`, root]]),
    refProblems: [],
    reader: { read: async () => undefined, label: (p) => p },
  };
}

export function findingsOf(document: unknown, rule: string) {
  return houseFindings(modelOf(document)).filter((f) => f.rule === rule);
}

export interface RuleCase {
  name: string;
  change: (doc: any) => void;
  /** Every finding of the rule, in any order: a JSON pointer and a pattern its message must match. */
  expect: Array<{ pointer: string; message: RegExp }>;
}

export function describeRule(rule: string, severity: 'error' | 'warning', cases: RuleCase[]): void {
  describe(rule, () => {
    it('is in the ruleset with the catalogue severity', () => {
      expect(Object.keys(houseRules)).toContain(rule);
      expect((houseRules as Record<string, { severity: string }>)[rule].severity).toBe(severity === 'warning' ? 'warn' : 'error');
    });

    it('finds nothing in the clean base document', () => {
      expect(findingsOf(base(), rule)).toEqual([]);
    });

    for (const c of cases) {
      it(c.name, () => {
        const doc = base();
        c.change(doc);
        const found = findingsOf(doc, rule);
        const actual = found.map((f) => f.pointer).sort();
        expect(actual).toEqual(c.expect.map((e) => e.pointer).sort());
        for (const e of c.expect) {
          const match = found.filter((f) => f.pointer === e.pointer).some((f) => e.message.test(f.message));
          expect(match, `${e.pointer}: ${found.map((f) => f.message).join(' | ')}`).toBe(true);
        }
        for (const f of found) {
          expect(f.severity).toBe(severity);
          expect(f.message.endsWith(`(${rule})`)).toBe(true);
        }
      });
    }
  });
}

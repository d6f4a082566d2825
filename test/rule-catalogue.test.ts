import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { HOUSE_RULE_IDS } from '../rules/ruleset.ts';
import { REPO } from './helpers.ts';

const CATALOGUE = [
  'status-code-allowed',
  'business-outcome-as-state',
  'money-as-string',
  'money-has-currency',
  'idempotency-key-required',
  'idempotency-conflict-documented',
  'patch-media-type',
  'put-matches-get',
  'conditional-update',
  'delete-idempotent',
  'operation-secured',
  'opaque-ids',
  'no-internal-fields',
  'callback-url-https',
  'path-version',
  'collection-pagination',
  'retry-after-header',
  'rate-limit-documented',
  'webhook-contract',
  'webhook-polling-fallback',
  'error-response-format',
  'operation-documented',
  'property-description',
  'property-naming',
  'lint-exception-reason',
  'pattern-redos',
  'version-semver',
];

/** Rules the lint engine reports itself, outside the Spectral ruleset. */
const TOOLCHAIN_RULES = ['no-ref-cycle', 'accepted-breaking-change'];

describe('the rule catalogue', () => {
  it('has exactly the catalogue rule ids', () => {
    expect([...HOUSE_RULE_IDS].sort()).toEqual([...CATALOGUE].sort());
  });

  for (const id of CATALOGUE) {
    it(`${id} has a function file, a test file and a doc page with a failing and a passing example`, () => {
      expect(existsSync(join(REPO, 'rules', 'functions', `${id}.ts`))).toBe(true);
      expect(existsSync(join(REPO, 'rules', 'test', `${id}.test.ts`))).toBe(true);
      const doc = readFileSync(join(REPO, 'rules', 'docs', `${id}.md`), 'utf8');
      for (const heading of ['## What it checks', '## Why', '## Fails', '## Passes', '## Asking for an exception']) expect(doc).toContain(heading);
    });
  }

  it('has no doc page for a rule that does not exist (house rules, and the toolchain rules the engine reports itself)', () => {
    const pages = readdirSync(join(REPO, 'rules', 'docs')).map((f) => f.replace(/\.md$/, ''));
    expect(pages.sort()).toEqual([...CATALOGUE, ...TOOLCHAIN_RULES].sort());
  });

  for (const id of TOOLCHAIN_RULES) {
    it(`${id} (a toolchain rule) has a doc page with a failing and a passing example`, () => {
      const doc = readFileSync(join(REPO, 'rules', 'docs', `${id}.md`), 'utf8');
      for (const heading of ['## What it checks', '## Why', '## Fails', '## Passes']) expect(doc).toContain(heading);
    });
  }
});

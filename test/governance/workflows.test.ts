import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateWorkflow } from '@action-validator/core';
import { parse } from 'yaml';
import { loadConfig } from '../../scripts/lib/config.ts';
import { REPO } from '../helpers.ts';

const dir = join(REPO, '.github', 'workflows');
const workflows = readdirSync(dir).filter((f) => f.endsWith('.yml') || f.endsWith('.yaml'));

describe('GitHub workflows', () => {
  it('exist: pull request and release', () => {
    expect(workflows).toEqual(expect.arrayContaining(['pr.yml', 'release.yml']));
  });

  // GitHub reads branch filters before any code runs, so they cannot read package.json (and must not:
  // a pushed branch could name itself production). They are checked against the one setting instead.
  it('follow the branch settings in package.json: releases from production, reviews into the protected branches', () => {
    const { branches } = loadConfig(REPO);
    const read = (file: string) => parse(readFileSync(join(dir, file), 'utf8'));
    expect(read('release.yml').on.push.branches).toEqual([branches.production]);
    expect([...read('pr.yml').on.pull_request.branches].sort()).toEqual([...branches.protected].sort());
    expect(readFileSync(join(dir, 'pr.yml'), 'utf8')).toContain(`--refs ${branches.production}`);
    const publishCheckout = read('docs.yml').jobs.publish.steps.find((s: { uses?: string }) => s.uses?.startsWith('actions/checkout'));
    expect(publishCheckout.with.ref).toBe(branches.production);
  });

  // Attack 2: a job that runs a branch's code never holds a write token; the jobs that write run none of it.
  it('split least privilege: jobs that run the checked-out code read only, with no credentials kept; jobs that write run no checked-out code', () => {
    for (const file of ['docs.yml', 'pr.yml']) {
      const doc = parse(readFileSync(join(dir, file), 'utf8'));
      for (const [name, job] of Object.entries<any>(doc.jobs)) {
        const steps: Array<{ uses?: string; run?: string; with?: Record<string, unknown> }> = job.steps ?? [];
        const checkout = steps.find((s) => s.uses?.startsWith('actions/checkout'));
        const writes = Object.entries(job.permissions ?? {}).filter(([scope, level]) => level === 'write' && scope !== 'security-events');
        const runsCode = steps.some((s) => /npm ci(?!.*--ignore-scripts)|npx apis|bash \.ci\/run/.test(s.run ?? ''));
        if (runsCode) {
          expect(writes, `${file} ${name} runs the checked-out code and must not write`).toEqual([]);
          expect(checkout?.with?.['persist-credentials'], `${file} ${name} keeps no credentials`).toBe(false);
        }
        if (writes.length > 0 && checkout)
          expect(checkout.with?.ref, `${file} ${name} writes: it may only run the production branch's code`).toBe(loadConfig(REPO).branches.production);
      }
    }
  });

  for (const file of workflows) {
    describe(file, () => {
      const text = readFileSync(join(dir, file), 'utf8');
      const doc = parse(text);

      it('is valid against the GitHub workflow schema', () => {
        expect(validateWorkflow(text).errors).toEqual([]);
      });

      it('pins every third-party action to a full commit SHA', () => {
        const uses = [...text.matchAll(/^\s*(?:-\s*)?uses:\s*(\S+)/gm)].map((m) => m[1]);
        expect(uses.length).toBeGreaterThan(0);
        for (const u of uses.filter((u) => !u.startsWith('./'))) expect(u, u).toMatch(/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/);
      });

      it('grants no permissions at the top and least privilege per job', () => {
        expect(doc.permissions).toEqual({});
        for (const [name, job] of Object.entries<any>(doc.jobs)) {
          expect(job.permissions, `${name} declares its permissions`).toBeTypeOf('object');
          for (const [scope, level] of Object.entries(job.permissions)) {
            if (level === 'write')
              expect(['contents', 'packages', 'pull-requests', 'security-events', 'pages', 'id-token'], `${name}: ${scope}`).toContain(scope);
          }
        }
      });

      it('never runs pull-request code with a privileged token', () => {
        expect(Object.keys(doc.on ?? doc[true as unknown as string] ?? {})).not.toContain('pull_request_target');
        expect(text).not.toMatch(/pull_request_target/);
        for (const [name, job] of Object.entries<any>(doc.jobs)) {
          const writesContents = job.permissions?.contents === 'write';
          for (const step of job.steps ?? []) {
            if (typeof step.uses === 'string' && step.uses.startsWith('actions/checkout@') && !writesContents) {
              expect(step.with?.['persist-credentials'], `${name}: checkout must not keep the token`).toBe(false);
            }
          }
        }
      });

      it('never interpolates untrusted event fields into a script', () => {
        for (const [name, job] of Object.entries<any>(doc.jobs)) {
          for (const step of job.steps ?? []) {
            if (typeof step.run === 'string')
              expect(step.run, `${name}: ${step.name ?? step.run}`).not.toMatch(
                /\$\{\{\s*github\.(head_ref|event\.(pull_request|issue|comment)\.(title|body|head))/,
              );
          }
        }
      });
    });
  }
});

/**
 * The compatibility policy, in-process over evaluateGate, one rule of it per test. The wiring (the
 * report, the ways through, the acceptance pasted back, lint --base, the changelog) is proven with
 * the real CLI on real git repositories in gate.e2e.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { diffDocuments } from '../../scripts/diff/compare-document.ts';
import { evaluateGate } from '../../scripts/diff/policy.ts';
import { baseDocument } from './catalogue-base.ts';

const TODAY = new Date('2026-11-29T12:00:00Z');
const judge = (base: any, head: any) => evaluateGate(base, head, diffDocuments(base, head), TODAY);

/** A head in which the request's name got a tighter limit: one breaking change on POST /v1/things. */
function tightened(version = '1.0.0', accept?: { change?: string; operation?: string | null; reason?: string }): any {
  const head = baseDocument('3.1');
  head.info.version = version;
  head.components.schemas.ThingInput.properties.name.maxLength = 50;
  if (accept)
    head['x-accepted-breaking-changes'] = [
      {
        change: accept.change ?? 'request-constraint-tightened',
        ...(accept.operation === null ? {} : { operation: accept.operation ?? 'POST /v1/things' }),
        reason: accept.reason ?? 'No client ever sent names longer than 50 characters (checked in the logs).',
      },
    ];
  return head;
}

describe('the gate, in-process', () => {
  it('an unaccepted breaking change blocks, and carries that status', () => {
    const gate = judge(baseDocument('3.1'), tightened());
    expect(gate.ok).toBe(false);
    expect(gate.blocking.map((c) => `${c.id} ${c.operation}`)).toEqual(['request-constraint-tightened POST /v1/things']);
    expect(gate.changes.find((c) => c.level === 'breaking')).toMatchObject({ status: 'unaccepted' });
    expect(gate.changes.filter((c) => c.level !== 'breaking').every((c) => c.status === undefined)).toBe(true);
  });

  it('an accepted change passes with a major bump, carrying the reason', () => {
    const gate = judge(baseDocument('3.1'), tightened('2.0.0', {}));
    expect(gate.ok).toBe(true);
    expect(gate.changes.find((c) => c.level === 'breaking')).toMatchObject({ status: 'accepted', reason: expect.stringMatching(/^No client ever sent/) });
    expect(gate.expectedBump).toBe('major');
  });

  it('an accepted change without a major bump is a version problem', () => {
    const gate = judge(baseDocument('3.1'), tightened('1.1.0', {}));
    expect(gate.ok).toBe(false);
    expect(gate.versionProblem).toBe('info.version must get a major bump because breaking changes were accepted: expected 2.0.0 or later, got 1.1.0');
  });

  it('an acceptance for another operation or another kind does not match, and is stale', () => {
    const gate = judge(baseDocument('3.1'), tightened('2.0.0', { operation: 'GET /v1/things' }));
    expect(gate.blocking).toHaveLength(1);
    expect(gate.stale.map((a) => `${a.change} ${a.operation}`)).toEqual(['request-constraint-tightened GET /v1/things']);
  });

  it('an acceptance without a real reason does not count', () => {
    const gate = judge(baseDocument('3.1'), tightened('2.0.0', { reason: 'ok' }));
    expect(gate.unreasoned).toHaveLength(1);
    expect(gate.blocking).toHaveLength(1);
  });

  it('an acceptance may name a kind by the id it had before (catalogue aliases)', () => {
    const base = baseDocument('3.1');
    base.paths['/v1/things/{thing_id}'].get.security = [{ bearer: [] }, { key: [] }];
    const head = structuredClone(base);
    head.info.version = '2.0.0';
    head.paths['/v1/things/{thing_id}'].get.security = [{ bearer: [] }];
    head['x-accepted-breaking-changes'] = [
      { change: 'security-requirement-changed', operation: 'GET /v1/things/{thing_id}', reason: 'The API key was only ever issued to our own test clients.' },
    ];
    const gate = judge(base, head);
    expect(gate.ok).toBe(true);
    expect(gate.accepted.map((a) => a.change.id)).toEqual(['security-alternative-removed']);
  });

  it('a document-level change is accepted without an operation', () => {
    const base = baseDocument('3.1');
    const head = structuredClone(base);
    head.info.version = '2.0.0';
    head.components.securitySchemes.key.name = 'X-Key';
    head['x-accepted-breaking-changes'] = [{ change: 'security-scheme-changed', reason: 'Every client reads the header name from the SDK config.' }];
    expect(judge(base, head).ok).toBe(true);
  });

  it('a removal after the sunset the base announced is allowed; before it, it blocks', () => {
    const announced = (date: string) => {
      const d = baseDocument('3.1');
      Object.assign(d.paths['/v1/things/{thing_id}'].get, { deprecated: true, 'x-sunset': date });
      return d;
    };
    const removed = (base: any) => {
      const d = structuredClone(base);
      delete d.paths['/v1/things/{thing_id}'].get;
      return d;
    };
    const past = judge(announced('2026-01-31'), removed(announced('2026-01-31')));
    expect(past.ok).toBe(true);
    expect(past.changes.find((c) => c.id === 'operation-removed')).toMatchObject({ status: 'allowed' });
    const future = judge(announced('2999-01-01'), removed(announced('2999-01-01')));
    expect(future.blocking.map((c) => c.id)).toEqual(['operation-removed']);
  });

  it('an operation added under a new /v2/ path is not breaking, and asks for a minor bump', () => {
    const base = baseDocument('3.1');
    const head = structuredClone(base);
    head.paths['/v2/things'] = structuredClone(head.paths['/v1/things']);
    head.paths['/v2/things'].post.operationId = 'createThingV2';
    head.paths['/v2/things'].get.operationId = 'listThingsV2';
    head.components.schemas.ThingInputV2 = { ...structuredClone(head.components.schemas.ThingInput), required: ['name', 'size'] };
    head.paths['/v2/things'].post.requestBody.content['application/json'].schema.$ref = '#/components/schemas/ThingInputV2';
    const noBump = judge(base, head);
    expect(noBump.blocking).toEqual([]);
    expect(noBump.expectedBump).toBe('minor');
    expect(noBump.versionProblem).toMatch(/minor bump because operations were added: expected 1\.1\.0 or later, got 1\.0\.0/);
    head.info.version = '1.1.0';
    expect(judge(base, head).ok).toBe(true);
  });
});

/** Routing as OpenAPI defines it (#14): template characters no router syntax may claim. */
import { describe, expect, it } from 'vitest';
import { MalformedPathError, Router } from '../../scripts/runtime/router.ts';

const router = new Router<string>([
  ['/v1/{name}:cancel', 'cancel'],
  ['/v1/{name}', 'get'],
  ['/teams/{team-id}', 'team'],
  ['/files/{id}', 'file'],
  ['/files/{id}.json', 'fileJson'],
  ['/report{.format}', 'report'],
  ['/odd/why?', 'question'],
  ['/odd/(x)!', 'brackets'],
  ['/regex/.*', 'dotStar'],
  ['/café/{x}', 'accent'],
]);
const route = (path: string) => {
  const found = router.match(path);
  return found && { route: found.route, params: found.params };
};

describe('router', () => {
  it('routes templates with colons, dashes, dots and a suffix after the expression', () => {
    expect(route('/v1/ops%2F1:cancel')).toEqual({ route: 'cancel', params: { name: 'ops/1' } });
    expect(route('/v1/abc%3Acancel')).toEqual({ route: 'cancel', params: { name: 'abc' } });
    expect(route('/v1/abc')).toEqual({ route: 'get', params: { name: 'abc' } });
    expect(route('/teams/t-1')).toEqual({ route: 'team', params: { 'team-id': 't-1' } });
    expect(route('/files/a.json')).toEqual({ route: 'fileJson', params: { id: 'a' } });
    expect(route('/files/a.txt')).toEqual({ route: 'file', params: { id: 'a.txt' } });
    expect(route('/report.csv')).toEqual({ route: 'report', params: { '.format': '.csv' } });
  });

  it('matches literal characters as they are or percent-encoded, and nothing of a regular expression', () => {
    expect(route('/odd/why%3F')).toEqual({ route: 'question', params: {} });
    expect(route('/odd/(x)!')).toEqual({ route: 'brackets', params: {} });
    expect(route('/odd/%28x%29%21')).toEqual({ route: 'brackets', params: {} });
    expect(route('/caf%C3%A9/1')).toEqual({ route: 'accent', params: { x: '1' } });
    expect(route('/regex/.*')).toEqual({ route: 'dotStar', params: {} });
    expect(route('/regex/anything')).toBeUndefined();
    expect(route('/odd/x')).toBeUndefined();
    expect(route('/v1/a/b:cancel')).toBeUndefined();
  });

  it('tolerates a trailing slash and refuses a bad escape in a parameter', () => {
    expect(route('/teams/t-1/')).toEqual({ route: 'team', params: { 'team-id': 't-1' } });
    expect(() => router.match('/teams/%E0%A4%A')).toThrow(MalformedPathError);
  });
});

describe('router, templates of the same shape', () => {
  it('picks the one that has the method, as GitHub declares GET and DELETE under two parameter names', () => {
    const same = new Router<{ methods: string[] }>([
      ['/orgs/{org}/attestations/{attestation_id}', { methods: ['delete'] }],
      ['/orgs/{org}/attestations/{subject_digest}', { methods: ['get'] }],
    ]);
    const get = same.match('/orgs/acme/attestations/sha256:1', (r) => r.methods.includes('get'));
    expect([get?.path, get?.params]).toEqual(['/orgs/{org}/attestations/{subject_digest}', { org: 'acme', subject_digest: 'sha256:1' }]);
    const del = same.match('/orgs/acme/attestations/7', (r) => r.methods.includes('delete'));
    expect(del?.path).toBe('/orgs/{org}/attestations/{attestation_id}');
    // No template has the method: the first match, for the 405.
    expect(same.match('/orgs/acme/attestations/7', () => false)?.path).toBe('/orgs/{org}/attestations/{attestation_id}');
  });
});

describe('router, hostile templates and URLs', () => {
  it('matches several expressions in one segment in linear time: a spec author and a caller cannot make it backtrack', () => {
    const hostile = new Router<string>([['/v1/{a}-{b}-{c}-{d}-{e}-{f}-{g}.x', 'many']]);
    // With a backtracking engine this URL takes longer than the test may run (7 nested lazy groups).
    expect(hostile.match(`/v1/${'-'.repeat(20_000)}y`)).toBeUndefined();
    expect(hostile.match('/v1/1-2-3-4-5-6-7.x')?.params).toEqual({ a: '1', b: '2', c: '3', d: '4', e: '5', f: '6', g: '7' });
  });
});

describe('router, trailing slashes', () => {
  it('keeps /collection/ and /collection apart when both are declared, and tolerates an undeclared trailing slash', () => {
    const both = new Router<string>([
      ['/collection', 'plain'],
      ['/collection/', 'slash'],
      ['/items/{id}', 'item'],
    ]);
    expect(both.match('/collection')?.route).toBe('plain');
    expect(both.match('/collection/')?.route).toBe('slash');
    expect(both.match('/items/7/')?.params).toEqual({ id: '7' });
    expect(both.match('/')).toBeUndefined();
  });
});

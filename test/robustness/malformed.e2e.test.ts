import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeFailure } from '../../scripts/lib/errors.ts';
import { startMock } from '../../scripts/mock/start.ts';
import { REPO, expectUserError, git, runApis, runApisInProcess, tempRepo, type RunResult } from '../helpers.ts';

/**
 * Hostile and broken input against every command that reads a spec: each case states the exit code
 * per command, and every failure must be one line on stderr naming the file, without a stack trace.
 */
type Command = 'lint' | 'bundle' | 'diff' | 'generate' | 'mock';
const COMMANDS: Command[] = ['lint', 'bundle', 'diff', 'generate', 'mock'];

/**
 * In-process, through the CLI's own entry point (real processes prove the same wiring in the
 * command's own tests: lint-cli, bundle, diff/cli, generate, mock-errors).
 */
function run(command: Command, dir: string): Promise<RunResult> {
  switch (command) {
    case 'lint':
      return runApisInProcess(['lint', 'specs/bad.yaml', '--format', 'json'], { cwd: dir });
    case 'bundle':
      return runApisInProcess(['bundle', 'bad'], { cwd: dir });
    case 'diff':
      return runApisInProcess(['diff', 'specs/bad.yaml', 'specs/bad.yaml', '--format', 'json'], { cwd: dir });
    case 'generate':
      return runApisInProcess(['generate', 'bad'], { cwd: dir });
    case 'mock':
      return mockStarts(dir);
  }
}

/** `apis mock` serves until stopped: started and closed in-process, or refused the way the CLI reports it. */
async function mockStarts(dir: string): Promise<RunResult> {
  const previous = process.cwd();
  process.chdir(dir);
  try {
    const mock = await startMock(['bad'], { port: '0', host: '127.0.0.1', quiet: true });
    await mock.close();
    return { code: 0, signal: null, stdout: '', stderr: '' };
  } catch (error) {
    const { message, exitCode } = describeFailure(error);
    return { code: exitCode, signal: null, stdout: '', stderr: `apis: ${message}\n` };
  } finally {
    process.chdir(previous);
  }
}

const feedback = readFileSync(join(REPO, 'specs', 'feedback.yaml'), 'utf8');
const minimal = 'openapi: 3.1.0\ninfo: {title: t, version: 1.0.0}\n';
const aliasBomb = `${minimal}x-bomb:\n  a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n${'bcdefghij'
  .split('')
  .map((c, i) => `  ${c}: &${c} [${Array(9).fill(`*${'abcdefghij'[i]}`).join(', ')}]`)
  .join('\n')}\n`;
const deepYaml = `${minimal}x-deep: ${'['.repeat(10000)}1${']'.repeat(10000)}\n`;
const deepJson = `{"openapi":"3.1.0","info":{"title":"t","version":"1"},"x-deep":${'{"a":'.repeat(10000)}1${'}'.repeat(10000)}}`;
const webhooksOnly = `openapi: 3.1.0\ninfo: {title: Hooks, version: 1.0.0, description: Only webhooks.}\nwebhooks:\n  thing.happened:\n    post:\n      operationId: thingHappened\n      requestBody:\n        content:\n          application/json:\n            schema: {type: object, properties: {event_id: {type: string}}}\n      responses:\n        '200': {description: ok}\n`;
const circular = `${minimal}paths:\n  /v1/nodes:\n    get:\n      operationId: listNodes\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: {$ref: '#/components/schemas/Node'}\ncomponents:\n  schemas:\n    Node:\n      type: object\n      properties:\n        children: {type: array, items: {$ref: '#/components/schemas/Node'}}\n`;

interface Case {
  name: string;
  files: Record<string, string | Buffer>;
  /** Exit code per command; a number for all. */
  exit: number | Partial<Record<Command, number>>;
  /** What the one-line message says (for exit 2). */
  message?: RegExp;
  env?: NodeJS.ProcessEnv;
}

const cases: Case[] = [
  { name: 'an empty file', files: { 'specs/bad.yaml': '' }, exit: 2, message: /the file is empty/ },
  { name: 'whitespace only', files: { 'specs/bad.yaml': ' \n\t\n  ' }, exit: 2, message: /the file is empty/ },
  { name: 'binary garbage', files: { 'specs/bad.yaml': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0xff, 0x00]) }, exit: 2, message: /not a text file/ },
  {
    name: 'invalid UTF-8',
    files: { 'specs/bad.yaml': Buffer.concat([Buffer.from('openapi: 3.1.0\ninfo: {title: "'), Buffer.from([0xc3, 0x28]), Buffer.from('"}\n')]) },
    exit: 2,
    message: /not valid UTF-8/,
  },
  {
    name: 'a YAML syntax error, with its line',
    files: { 'specs/bad.yaml': `${minimal}paths:\n  /v1/x: [\n` },
    exit: 2,
    message: /specs\/bad\.yaml:\d+:\d+: YAML syntax error/,
  },
  {
    name: 'duplicate keys',
    files: { 'specs/bad.yaml': `${minimal}paths: {}\npaths: {}\n` },
    exit: 2,
    message: /specs\/bad\.yaml:4:1: YAML syntax error: duplicate key/,
  },
  { name: 'a YAML alias bomb is refused, not expanded', files: { 'specs/bad.yaml': aliasBomb }, exit: 2, message: /YAML nodes once aliases are expanded/ },
  {
    name: 'a 50 MB document is refused above the documented 32 MB limit',
    files: { 'specs/bad.yaml': `${minimal}x-padding: "${'a'.repeat(50 * 1024 * 1024)}"\n` },
    exit: 2,
    message: /is 50\.0 MB, above the 32\.0 MB input limit \(raise it with APIS_MAX_INPUT_MB=<megabytes>\)/,
  },
  {
    name: 'nesting 10,000 levels deep (YAML)',
    files: { 'specs/bad.yaml': deepYaml },
    exit: 2,
    message: /nested (more than 256 levels deep|too deeply to parse)/,
  },
  {
    name: 'nesting 10,000 levels deep (JSON)',
    files: { 'specs/bad.yaml': deepJson },
    exit: 2,
    message: /nested (more than 256 levels deep|too deeply to parse)/,
  },
  {
    name: 'a $ref to a missing file',
    files: { 'specs/bad.yaml': `${minimal}paths:\n  /v1/x:\n    $ref: './nowhere.yaml'\n` },
    exit: { lint: 1, bundle: 2, diff: 2, generate: 2, mock: 2 },
    message: /nowhere\.yaml does not exist/,
  },
  {
    name: 'a $ref to a missing pointer',
    files: { 'specs/bad.yaml': `${minimal}paths:\n  /v1/x:\n    $ref: '#/components/pathItems/Nope'\n` },
    exit: { lint: 1, bundle: 2, diff: 2, generate: 2, mock: 2 },
    message: /no such location/,
  },
  {
    name: 'a $ref to a URL, refused without any network access',
    files: { 'specs/bad.yaml': `${minimal}paths:\n  /v1/x:\n    $ref: 'https://example.com/api.yaml#/paths/x'\n` },
    exit: 2,
    message: /\$ref to a URL .* is refused/,
  },
  {
    name: 'a $ref that escapes the repository',
    files: { 'specs/bad.yaml': `${minimal}paths:\n  /v1/x:\n    $ref: '../../../etc/thing.yaml'\n` },
    exit: 2,
    message: /points outside the repository and is refused/,
  },
  { name: 'a circular $ref', files: { 'specs/bad.yaml': circular }, exit: { lint: 1, bundle: 0, diff: 0, generate: 0, mock: 0 } },
  {
    name: 'Swagger 2.0',
    files: { 'specs/bad.yaml': 'swagger: "2.0"\ninfo: {title: t, version: "1"}\npaths: {}\n' },
    exit: 2,
    message: /is Swagger 2\.0; convert it to OpenAPI 3 first/,
  },
  {
    name: 'OpenAPI 3.2',
    files: { 'specs/bad.yaml': 'openapi: 3.2.0\ninfo: {title: t, version: "1"}\npaths: {}\n' },
    exit: 2,
    message: /OpenAPI 3\.2\.0 is not supported \(supported: 3\.0\.x and 3\.1\.x\)/,
  },
  {
    name: 'an unknown version',
    files: { 'specs/bad.yaml': 'openapi: banana\ninfo: {title: t, version: "1"}\n' },
    exit: 2,
    message: /OpenAPI banana is not supported/,
  },
  {
    name: 'JSON instead of YAML is accepted',
    files: { 'specs/bad.yaml': JSON.stringify(JSON.parse(readFileSync(join(REPO, 'generated', 'feedback', 'openapi.json'), 'utf8'))) },
    exit: { lint: 0, bundle: 0, diff: 0, generate: 0, mock: 0 },
  },
  { name: 'a spec with only webhooks', files: { 'specs/bad.yaml': webhooksOnly }, exit: { lint: 1, bundle: 0, diff: 0, generate: 0, mock: 2 } },
];

describe('malformed input, every command', () => {
  for (const c of cases) {
    for (const command of COMMANDS) {
      const expected = typeof c.exit === 'number' ? c.exit : c.exit[command];
      if (expected === undefined) continue;
      it(`${c.name}: apis ${command} exits ${expected}`, async () => {
        const dir = tempRepo(c.files as Record<string, string>, { copySpecs: false });
        const started = Date.now();
        const result = await run(command, dir);
        expect(result.signal).toBeNull();
        expect(result.stderr + result.stdout).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
        expect(result.stderr).not.toMatch(/internal error/);
        if (expected === 2) expectUserError(result, 'specs/bad.yaml', c.message);
        else expect(result.code, result.stderr).toBe(expected);
        expect(Date.now() - started).toBeLessThan(60_000);
      });
    }
  }
});

/**
 * `apis docs` builds many refs: a spec that cannot be used must not stop the others. Its page says
 * why, in the same one-line message the other commands print; usable specs get Swagger UI. One
 * repository holds every case, each on a branch of its own, built by one run of `apis docs`.
 */
describe('malformed input, apis docs', () => {
  let site = '';
  beforeAll(async () => {
    const dir = tempRepo({ 'specs/feedback.yaml': feedback }, { copySpecs: false });
    git(dir, 'init', '-q', '-b', 'master');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'feedback');
    cases.forEach((c, i) => {
      git(dir, 'checkout', '-q', '-b', `case-${i}`, 'master');
      for (const [path, content] of Object.entries(c.files)) writeFileSync(join(dir, path), content);
      git(dir, 'add', '-A');
      git(dir, 'commit', '-qm', c.name);
    });
    git(dir, 'checkout', '-q', 'master');
    const result = await runApisInProcess(['docs'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr + result.stdout).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    site = join(dir, 'docs-site', 'dist', 'branches');
  }, 120_000);

  cases.forEach((c, i) => {
    const refused = (typeof c.exit === 'number' ? c.exit : c.exit.bundle) === 2;
    it(`${c.name}: apis docs exits 0 and ${refused ? 'the page says why' : 'the page shows the spec'}`, () => {
      const branch = join(site, `case-${i}`);
      const page = readFileSync(join(branch, 'bad.html'), 'utf8');
      if (refused) {
        expect(page).toContain(`bad does not load at case-${i}`);
        const message = /<p class="error">([^<]*)<\/p>/.exec(page)![1];
        expect(message).toContain(`case-${i}:specs/bad.yaml`);
        if (c.message)
          expect(
            message
              .replace(/&lt;/g, '<')
              .replace(/&gt;/g, '>')
              .replace(/&quot;/g, '"')
              .replace(/&#39;/g, "'")
              .replace(/&amp;/g, '&'),
          ).toMatch(c.message);
      } else {
        expect(readFileSync(join(branch, 'bad.spec.js'), 'utf8')).toMatch(/^window\.apisSpec = /);
      }
      // The good spec next to it is documented either way.
      expect(readFileSync(join(branch, 'feedback.spec.js'), 'utf8')).toContain('Feedback');
    });
  });
});

describe('a spec that is fine stays fine next to broken ones', () => {
  it('feedback lints clean in the same repository as a broken spec of another domain', async () => {
    const dir = tempRepo({ 'specs/feedback.yaml': feedback, 'specs/bad.yaml': '' }, { copySpecs: false });
    const result = await runApis(['lint', 'specs/feedback.yaml'], { cwd: dir });
    expect(result.code).toBe(0);
  });
});

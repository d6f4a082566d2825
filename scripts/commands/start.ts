import { watch } from 'node:fs';
import { join } from 'node:path';
import { buildSite } from '../docs/site.ts';
import { serveSite } from '../docs/serve.ts';
import { formatReport } from '../lint/format/index.ts';
import { lintModels } from '../lint/engine.ts';
import { summarize } from '../lint/finding.ts';
import { UserError, describeFailure } from '../lib/errors.ts';
import { colorizer, plural } from '../lib/output.ts';
import { progress } from '../lib/progress.ts';
import { findRepoRoot, listDomains, specsDir } from '../lib/repo.ts';
import { stopSignals } from '../lib/signals.ts';
import { loadSpecFiles } from '../lib/workspace.ts';
import { parsePort } from '../lib/listen.ts';
import { startMock, type RunningMock } from '../mock/start.ts';
import { productionRef, refsFingerprint } from '../lib/git.ts';

export interface StartOptions {
  port: string;
  mockPort: string;
  host: string;
}

/**
 * `npm start`: the designer's local portal. Docs for the working copy and every branch and tag,
 * the mock of the working copy ("Try it out" points at it), and on every save in specs/: lint in
 * the terminal, the working copy's docs and the mock rebuilt, open pages reloaded.
 */
export async function startCommand(options: StartOptions): Promise<number> {
  const signals = stopSignals();
  const paint = colorizer();
  const root = findRepoRoot();
  const out = join(root, 'docs-site', 'dist');
  const domains = listDomains(root);
  process.stdout.write(`API contracts: ${plural(domains.length, 'domain')} (${domains.join(', ') || 'none yet'})\n`);
  // A clone whose only branch is another one (main): say in one line how to get the gate's base.
  await productionRef(root).catch((error: Error) => process.stdout.write(`${paint('yellow', 'No production branch')}: ${error.message}\n`));

  await lintWorkingCopy();
  // The portal is still useful without a mock (a spec Prism cannot serve): it tries again on every save.
  const startTheMock = () =>
    withFreePort(options.mockPort, (port) => startMock([], { port, host: options.host, quiet: true })).catch((error: unknown) => {
      process.stdout.write(`${paint('yellow', 'Mock not started')}: ${describeFailure(error).message}\n`);
      return undefined;
    });
  let mock = await startTheMock();
  const portal = { mock: mock?.origin, liveReload: true };
  const bar = progress('Building docs');
  await buildSite({ out, patterns: [], workingCopy: true, onProgress: (done, total, ref) => bar.update(done, total, ref) });
  bar.end();
  const site = await withFreePort(options.port, (port) => serveSite(out, Number(port), options.host, portal));

  process.stdout.write(
    [
      '',
      `  Docs          ${paint('cyan', site.url)}`,
      `  Working copy  ${paint('cyan', `${site.url}working-copy/index.html`)}`,
      ...(mock ? [`  Mock          ${paint('cyan', mock.origin)}  (${[...mock.urls.keys()].map((d) => `/${d}`).join(', ')})`] : []),
      '',
      "Watching specs/: every save re-lints, rebuilds the working copy's docs and the mock, and reloads open pages;",
      'and git: new commits, branches and tags show up within seconds. Ctrl-C stops.',
      '',
    ].join('\n'),
  );

  const stopWatching = watchSpecs(specsDir(root), async () => {
    const started = Date.now();
    await lintWorkingCopy();
    if (mock) await reloadMock(mock);
    else {
      mock = await startTheMock();
      if (mock) {
        portal.mock = mock.origin;
        process.stdout.write(`Mock started: ${paint('cyan', mock.origin)}\n`);
      }
    }
    try {
      await buildSite({ out, patterns: [], workingCopy: true });
      site.reload();
      process.stdout.write(`Docs rebuilt in ${((Date.now() - started) / 1000).toFixed(1)} s; open pages reloaded.\n`);
    } catch (error) {
      process.stdout.write(`${paint('red', 'Docs not rebuilt')}: ${describeFailure(error).message}\n`);
    }
  });
  // The portal follows git too: a commit, a new branch or tag rebuilds what changed (incrementally).
  const stopFollowing = followGit(root, async () => {
    try {
      await buildSite({ out, patterns: [], workingCopy: true });
      site.reload();
      process.stdout.write('Git changed (a commit, branch or tag): docs updated; open pages reloaded.\n');
    } catch (error) {
      process.stdout.write(`${paint('red', 'Docs not rebuilt')}: ${describeFailure(error).message}\n`);
    }
  });
  await signals.whenStopped(async () => {
    stopFollowing();
    stopWatching();
    await Promise.all([site.close(), mock?.close()]);
  });
  return 0;
}

/** Polls the refs (cheap: one git process) and calls `onChange` when any moved, never two runs at once. */
function followGit(root: string, onChange: () => Promise<void>, everyMs = 2000): () => void {
  let last: string | undefined;
  let busy = true;
  void refsFingerprint(root)
    .then((now) => {
      last = now;
    })
    .catch(() => undefined)
    .finally(() => {
      busy = false;
    });
  const timer = setInterval(async () => {
    if (busy) return;
    busy = true;
    try {
      const now = await refsFingerprint(root);
      if (last !== undefined && now !== last) await onChange();
      last = now;
    } catch {
      // A failed poll (git busy, ref mid-update) is retried on the next tick.
    } finally {
      busy = false;
    }
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

async function lintWorkingCopy(): Promise<void> {
  try {
    const findings = await lintModels(await loadSpecFiles([]));
    const s = summarize(findings);
    process.stdout.write(
      findings.some((f) => !f.silenced) ? formatReport('stylish', { findings }) : `Lint: no findings (${s.silenced} silenced by reasoned exceptions).\n`,
    );
  } catch (error) {
    process.stdout.write(`Lint: ${describeFailure(error).message}\n`);
  }
}

async function reloadMock(mock: RunningMock): Promise<void> {
  try {
    await mock.reload();
  } catch (error) {
    process.stdout.write(`Mock kept the previous specs: ${describeFailure(error).message}\n`);
  }
}

/** The port asked for, or any free one when it is taken (a second portal, another tool on 8080). */
async function withFreePort<T>(port: string, start: (port: string) => Promise<T>): Promise<T> {
  parsePort(port);
  try {
    return await start(port);
  } catch (error) {
    if (error instanceof UserError && /already in use/.test(error.message) && port !== '0') return start('0');
    throw error;
  }
}

/** Saves come in bursts (editors write, rename, touch): one run per burst, never two at once. */
function watchSpecs(dir: string, onChange: () => Promise<void>): () => void {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  const run = () => {
    if (running !== undefined) {
      again = true;
      return;
    }
    running = onChange().finally(() => {
      running = undefined;
      if (again) {
        again = false;
        run();
      }
    });
  };
  const watcher = watch(dir, { recursive: true }, () => {
    clearTimeout(timer);
    timer = setTimeout(run, 150);
  });
  return () => {
    clearTimeout(timer);
    watcher.close();
  };
}

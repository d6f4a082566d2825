import { bundleModel } from '../lib/bundle.ts';
import { UserError } from '../lib/errors.ts';
import { gitReader } from '../lib/git.ts';
import { listen, parsePort } from '../lib/listen.ts';
import { colorizer, plural } from '../lib/output.ts';
import { loadDomains } from '../lib/workspace.ts';
import { DomainEngine, type EngineMode } from '../mock/engine.ts';
import { FaultInjector, faultSettings } from '../mock/faults.ts';
import { createMockServer, type RequestLog } from '../mock/server.ts';
import { stopSignals } from '../lib/signals.ts';

export interface MockOptions {
  port: string;
  host: string;
  ref?: string;
  dynamic?: boolean;
  seed?: string;
  faults?: string;
  latency?: string;
  proxy?: string;
  quiet?: boolean;
}

export interface RunningMock {
  /** Base URL of each domain, e.g. http://127.0.0.1:4010/payments. */
  urls: Map<string, string>;
  origin: string;
  faults: FaultInjector;
  /** Reads the specs again and serves the new versions (an invalid spec throws and keeps the old ones). */
  reload(): Promise<void>;
  close(): Promise<void>;
}

/** Starts the mock without printing anything: `apis mock` and `npm start` both use it. */
export async function startMock(domains: string[], options: MockOptions, onRequest?: (entry: RequestLog) => void): Promise<RunningMock> {
  const port = parsePort(options.port);
  const faults = new FaultInjector(faultSettings(options.faults, options.latency, options.seed));
  const mode = engineMode(domains, options);
  const loadEngines = async () => {
    const { specs } = await loadDomains(domains, options.ref ? await gitReader(options.ref, process.cwd()) : undefined);
    return Promise.all(specs.map(async ({ domain, model }) => DomainEngine.create(domain, model.file, (await bundleModel(model)).document, mode)));
  };
  let engines = await loadEngines();
  const server = createMockServer({ engines, faults, onRequest });
  const origin = await listen(server, port, options.host);
  const urlsOf = () => new Map(engines.map((e) => [e.domain, `${origin}/${e.domain}`]));
  const running: RunningMock = {
    urls: urlsOf(),
    origin,
    faults,
    async reload() {
      engines = await loadEngines();
      server.setEngines(engines);
      running.urls = urlsOf();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  return running;
}

function engineMode(domains: string[], options: MockOptions): EngineMode {
  if (options.proxy === undefined) return { kind: 'mock', dynamic: Boolean(options.dynamic), seed: options.dynamic ? (options.seed ?? '1') : undefined };
  if (domains.length !== 1) throw new UserError('--proxy checks one backend against one spec: name exactly one domain (e.g. apis mock --proxy http://localhost:8080 payments)');
  let upstream: URL;
  try {
    upstream = new URL(options.proxy);
  } catch {
    throw new UserError(`--proxy: "${options.proxy}" is not a URL (e.g. http://localhost:8080)`);
  }
  if (upstream.protocol !== 'http:' && upstream.protocol !== 'https:') throw new UserError(`--proxy: ${options.proxy} is not an http(s) URL`);
  return { kind: 'proxy', upstream };
}

/** `apis mock [domain…]`: serves every domain from one port until Ctrl-C (or SIGTERM). */
export async function mockCommand(domains: string[], options: MockOptions): Promise<number> {
  const signals = stopSignals();
  const paint = colorizer();
  const log = (entry: RequestLog) => {
    if (options.quiet) return;
    const status = entry.status === 'dropped' ? paint('red', 'dropped') : entry.status >= 500 ? paint('red', String(entry.status)) : entry.status >= 400 ? paint('yellow', String(entry.status)) : paint('green', String(entry.status));
    const lines = [`${entry.method.padEnd(6)} ${entry.url} ${status} ${entry.ms.toFixed(0)} ms`, ...entry.notes.map((n) => `         ${n}`)];
    process.stdout.write(lines.join('\n') + '\n');
  };
  const mock = await startMock(domains, options, log);
  const what = options.proxy ? `Validating proxy to ${options.proxy}` : `Mocking ${plural(mock.urls.size, 'domain')}`;
  const source = options.ref ? ` as of ${options.ref}` : '';
  const width = Math.max(...[...mock.urls.keys()].map((d) => d.length));
  const lines = [
    `${what}${source} (Prism), ${options.dynamic ? `generated data, seed ${options.seed ?? '1'}` : 'answers from the examples'}:`,
    ...[...mock.urls].map(([domain, url]) => `  ${domain.padEnd(width)}  ${paint('cyan', url)}`),
    `Faults: ${mock.faults.describe()}`,
    'Ctrl-C stops.',
  ];
  process.stdout.write(lines.join('\n') + '\n');
  await signals.whenStopped(mock.close);
  return 0;
}

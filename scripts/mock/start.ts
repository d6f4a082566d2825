/** The mock of every domain on one port, started and reloaded from the loaded specs (`apis mock` and `npm start`). */
import { bundleModel } from '../lib/bundle.ts';
import { UserError } from '../lib/errors.ts';
import { gitReader } from '../lib/git.ts';
import { listen, parsePort } from '../lib/listen.ts';
import { loadDomains } from '../lib/workspace.ts';
import { DomainEngine, type EngineMode } from './engine.ts';
import { FaultInjector, faultSettings, MAX_DELAY_MS, parseLatency } from './faults.ts';
import { limits } from '../lib/limits.ts';
import { createMockServer, type RequestLog } from './server.ts';

export interface MockOptions {
  port: string;
  host: string;
  ref?: string;
  dynamic?: boolean;
  seed?: string;
  faults?: string;
  latency?: string;
  proxy?: string;
  /** With --proxy: how long the upstream has for a whole answer. */
  proxyTimeout?: string;
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
  if (domains.length !== 1)
    throw new UserError('--proxy checks one backend against one spec: name exactly one domain (e.g. apis mock --proxy http://localhost:8080 payments)');
  let upstream: URL;
  try {
    upstream = new URL(options.proxy);
  } catch {
    throw new UserError(`--proxy: "${options.proxy}" is not a URL (e.g. http://localhost:8080)`);
  }
  if (upstream.protocol !== 'http:' && upstream.protocol !== 'https:') throw new UserError(`--proxy: ${options.proxy} is not an http(s) URL`);
  const timeoutMs = parseLatency(options.proxyTimeout ?? '30s', '--proxy-timeout').maxMs;
  if (timeoutMs <= 0 || timeoutMs > MAX_DELAY_MS)
    throw new UserError(`--proxy-timeout must be more than 0 and at most ${MAX_DELAY_MS / 60_000} minutes, not "${options.proxyTimeout}"`);
  return { kind: 'proxy', upstream, limits: { timeoutMs, maxBodyBytes: limits.maxProxyBodyBytes } };
}

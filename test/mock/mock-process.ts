import { REPO, startServing, type Serving } from '../helpers.ts';

export { processesIn } from '../helpers.ts';

export interface MockProcess extends Serving {
  origin: string;
  /** Base URL per domain, as printed on start. */
  urls: Map<string, string>;
}

/** Starts the real `apis mock` on a free port and reads the URLs it prints. */
export async function startMock(args: string[], cwd = REPO, env: NodeJS.ProcessEnv = {}): Promise<MockProcess> {
  const serving = await startServing(['mock', '--port', '0', ...args], cwd, /Ctrl-C stops\./, env);
  const urls = new Map([...serving.output().matchAll(/^\s+([a-z][a-z0-9-]*)\s+(http:\/\/\S+)$/gm)].map((m) => [m[1], m[2]]));
  return { ...serving, origin: new URL([...urls.values()][0]).origin, urls };
}

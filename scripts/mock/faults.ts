/**
 * Failure injection for `apis mock`: the unhappy paths a happy-path mock never shows (rate limits,
 * outages, slow answers, dropped connections), reproducible from a seed so a failing client test can
 * be replayed. Off unless asked for, by flag, by config file, or per request with a `Mock-Fault` header.
 */
import { readFileSync } from 'node:fs';
import ms from 'ms';
import { UserError } from '../lib/errors.ts';
import { displayPath } from '../lib/repo.ts';
import { parseSource } from '../lib/yaml-source.ts';

/** What a failing request gets: an HTTP status, or its connection closed without an answer. */
export type Fault = number | 'drop';

export interface FaultSettings {
  /** Share of requests that fail, 0 to 1. */
  rate: number;
  /** The faults a failing request gets, picked at random. */
  faults: Fault[];
  retryAfterSeconds: number;
  latency?: { minMs: number; maxMs: number };
  seed: number;
}

export interface FaultDecision {
  delayMs: number;
  fault?: Fault;
  retryAfterSeconds: number;
}

export const FAULT_HEADER = 'mock-fault';
/** Longer delays are refused: node's timers overflow past 24.8 days and fire at once, and no test waits that long. */
export const MAX_DELAY_MS = 10 * 60 * 1000;
/** A day: a Retry-After a client would honour at all. */
const MAX_RETRY_AFTER_SECONDS = 86_400;
const DEFAULTS: FaultSettings = { rate: 0, faults: [503], retryAfterSeconds: 1, seed: 1 };
const SETTING_NAMES = ['rate', 'status', 'retry-after', 'latency', 'seed'];

/**
 * `--faults 'rate=0.1,status=503|429'` or `--faults faults.yaml` (the same settings as YAML keys),
 * plus `--latency 200ms-2s`, which wins over a latency in the faults.
 */
export function faultSettings(faults: string | undefined, latency: string | undefined, seed: string | undefined): FaultSettings {
  const settings = { ...DEFAULTS };
  if (faults !== undefined) {
    const fromFile = /\.(ya?ml|json)$/i.test(faults);
    const entries = fromFile ? readFaultFile(faults) : parseFaultList(faults);
    const where = fromFile ? displayPath(faults) : '--faults';
    for (const [name, value] of entries) applySetting(settings, name, value, where);
    // `--faults status=429` alone means "always".
    if (!entries.some(([name]) => name === 'rate')) settings.rate = 1;
  }
  if (latency !== undefined) settings.latency = parseLatency(latency, '--latency');
  if (seed !== undefined) settings.seed = parseNumber(seed, '--seed', 'seed', Number.isInteger);
  return settings;
}

function parseFaultList(text: string): [string, string][] {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [name, ...value] = part.split('=');
      if (value.length === 0) throw new UserError(`--faults: "${part}" is not name=value (e.g. --faults 'rate=0.1,status=503')`);
      return [name.trim().toLowerCase(), value.join('=').trim()];
    });
}

function readFaultFile(path: string): [string, string][] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UserError(`${displayPath(path)}: cannot read the faults file (${(error as NodeJS.ErrnoException).code})`);
  }
  const source = parseSource(text, displayPath(path));
  const value = source.value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new UserError(`${source.file}:1: a faults file is a map of settings (${SETTING_NAMES.join(', ')})`);
  }
  return Object.entries(value).map(([name, v]) => {
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      throw new UserError(`${source.file}:${source.position('/' + name).line}: ${name} must be a value, not a map`);
    }
    return [name.toLowerCase(), Array.isArray(v) ? v.join('|') : String(v)];
  });
}

function applySetting(settings: FaultSettings, name: string, value: string, where: string): void {
  switch (name) {
    case 'rate':
      settings.rate = parseNumber(value, where, name, (n) => n >= 0 && n <= 1);
      break;
    case 'status':
      settings.faults = value.split('|').map((item) => parseFault(item.trim(), where));
      break;
    case 'retry-after':
      settings.retryAfterSeconds = parseNumber(value, where, name, validRetryAfter);
      break;
    case 'latency':
      settings.latency = parseLatency(value, where);
      break;
    case 'seed':
      settings.seed = parseNumber(value, where, name, Number.isInteger);
      break;
    default:
      throw new UserError(`${where}: unknown setting "${name}" (known: ${SETTING_NAMES.join(', ')})`);
  }
}

function parseNumber(value: string, where: string, name: string, valid: (n: number) => boolean): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || !valid(n)) {
    const expected =
      name === 'rate' ? 'a number from 0 to 1' : name === 'seed' ? 'an integer' : `a whole number of seconds from 0 to ${MAX_RETRY_AFTER_SECONDS}`;
    throw new UserError(`${where}: ${name} must be ${expected}, not "${value}"`);
  }
  return n;
}

function parseFault(value: string, where: string): Fault {
  if (value.toLowerCase() === 'drop') return 'drop';
  const status = Number(value);
  if (!/^\d{3}$/.test(value) || status < 400 || status > 599) {
    throw new UserError(`${where}: a fault is an HTTP status from 400 to 599 or "drop", not "${value}"`);
  }
  return status;
}

function validRetryAfter(n: number): boolean {
  return Number.isInteger(n) && n >= 0 && n <= MAX_RETRY_AFTER_SECONDS;
}

/** `200ms-2s`, `1s`, or a plain number of milliseconds; never negative, at most MAX_DELAY_MS. */
export function parseLatency(value: string, where: string): { minMs: number; maxMs: number } {
  const [low, high = low, ...rest] = value.split('-').map((part) => part.trim());
  const minMs = durationMs(low);
  const maxMs = durationMs(high);
  if (rest.length > 0 || minMs === undefined || maxMs === undefined || minMs < 0 || maxMs < minMs) {
    throw new UserError(`${where}: a duration or a range such as 200ms-2s, not "${value}"`);
  }
  if (maxMs > MAX_DELAY_MS) throw new UserError(`${where}: at most ${MAX_DELAY_MS / 60_000} minutes, not "${value}"`);
  return { minMs, maxMs };
}

/** `1500`, `1.5s`, `200ms`, `2m`; undefined for anything else (ms() throws on some inputs, e.g. ""). */
function durationMs(text: string): number | undefined {
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text);
  try {
    const value = ms(text as ms.StringValue) as number | undefined;
    return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** A small seeded generator (mulberry32): Math.random cannot be seeded, and this is all a mock needs. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class FaultInjector {
  private readonly random: () => number;

  constructor(readonly settings: FaultSettings) {
    this.random = seededRandom(settings.seed);
  }

  /** The fate of one request: the `Mock-Fault` header when it has one, else the configured odds. */
  decide(header: string | undefined): FaultDecision {
    const { settings } = this;
    const fromHeader = header === undefined ? undefined : parseFaultHeader(header);
    const latency = fromHeader?.delayMs ?? (settings.latency ? settings.latency.minMs + this.random() * (settings.latency.maxMs - settings.latency.minMs) : 0);
    const retryAfterSeconds = fromHeader?.retryAfterSeconds ?? settings.retryAfterSeconds;
    if (fromHeader) return { delayMs: Math.round(latency), fault: fromHeader.fault, retryAfterSeconds };
    const fails = settings.rate > 0 && this.random() < settings.rate;
    const fault = fails ? settings.faults[Math.floor(this.random() * settings.faults.length)] : undefined;
    return { delayMs: Math.round(latency), fault, retryAfterSeconds };
  }

  /** One line for the start banner. */
  describe(): string {
    const { settings } = this;
    const parts: string[] = [];
    if (settings.rate > 0) {
      const share = settings.rate === 1 ? 'every request' : `${+(settings.rate * 100).toFixed(2)} % of requests`;
      const statuses = settings.faults.filter((f) => f !== 'drop');
      const fates = [...(statuses.length > 0 ? [`answered ${statuses.join(' or ')}`] : []), ...(settings.faults.includes('drop') ? ['dropped'] : [])];
      parts.push(`${share} ${fates.join(' or ')} (Retry-After: ${settings.retryAfterSeconds} s, seed ${settings.seed})`);
    }
    if (settings.latency) {
      const { minMs, maxMs } = settings.latency;
      parts.push(`latency ${minMs === maxMs ? `${minMs} ms` : `${minMs}–${maxMs} ms`}`);
    }
    return parts.length > 0 ? parts.join('; ') : `off (send the header "Mock-Fault: 503", "429", "drop" or "delay=2s" to inject one)`;
  }
}

/** `Mock-Fault: 429`, `drop`, `delay=1500ms`, `503; retry-after=5`: tokens separated by `,` or `;`. */
export function parseFaultHeader(value: string): { fault?: Fault; delayMs?: number; retryAfterSeconds?: number } {
  const result: { fault?: Fault; delayMs?: number; retryAfterSeconds?: number } = {};
  const where = 'Mock-Fault header';
  for (const token of value
    .split(/[,;]/)
    .map((t) => t.trim())
    .filter(Boolean)) {
    const [name, arg] = token.split('=').map((t) => t.trim());
    if (arg === undefined) result.fault = parseFault(name, where);
    else if (name.toLowerCase() === 'delay') result.delayMs = parseLatency(arg, where).minMs;
    else if (name.toLowerCase() === 'retry-after') result.retryAfterSeconds = parseNumber(arg, where, 'retry-after', validRetryAfter);
    else throw new UserError(`${where}: unknown token "${token}" (use a status such as 503, drop, delay=<duration> or retry-after=<seconds>)`);
  }
  return result;
}

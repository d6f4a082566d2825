import { UserError } from './errors.ts';

/**
 * Resource bounds shared by every command. Each can be raised through an environment variable,
 * so a huge vendor spec is refused with a message saying how, instead of exhausting memory.
 */
function fromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  const parsed = raw === undefined ? NaN : Number(raw);
  return Number.isFinite(parsed) && parsed > 0 ? parsed : fallback;
}

export const limits = {
  get maxInputBytes(): number {
    return fromEnv('APIS_MAX_INPUT_MB', 32) * 1024 * 1024;
  },
  get maxRefFiles(): number {
    return fromEnv('APIS_MAX_REF_FILES', 500);
  },
  /** How many files deep a chain of external $refs may go (a.yaml → b.yaml → …). */
  get maxRefDepth(): number {
    return fromEnv('APIS_MAX_REF_DEPTH', 32);
  },
  /** Real specs nest a few dozen levels; thousands is an attack or a generator bug, and costs quadratic memory. */
  get maxDepth(): number {
    return fromEnv('APIS_MAX_DEPTH', 256);
  },
  /**
   * Nodes of a YAML document once its aliases are expanded: what every consumer walks (and what a
   * bundle writes out). Counting aliases instead lets one large anchored map referenced a few
   * hundred times grow a 1 MB file into tens of millions of nodes.
   */
  get maxYamlNodes(): number {
    return fromEnv('APIS_MAX_YAML_NODES', 3_000_000);
  },
  /** The largest answer `apis mock --proxy` reads from the upstream (a larger one is a 502). */
  get maxProxyBodyBytes(): number {
    return fromEnv('APIS_PROXY_MAX_MB', 32) * 1024 * 1024;
  },
  /** How long Prism may take to prepare one large spec for `apis mock`. */
  get mockPrepareSeconds(): number {
    return fromEnv('APIS_MOCK_PREPARE_SECONDS', 30);
  },
  get mockPrepareMemoryMb(): number {
    return fromEnv('APIS_MOCK_PREPARE_MB', 2048);
  },
};

export function tooLarge(label: string, size: number): UserError {
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
  return new UserError(`${label}: is ${mb(size)} MB, above the ${mb(limits.maxInputBytes)} MB input limit (raise it with APIS_MAX_INPUT_MB=<megabytes>)`);
}

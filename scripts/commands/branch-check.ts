import { decidePullRequest } from '../governance/branch-policy.ts';
import { loadConfig } from '../lib/config.ts';
import { findRepoRoot } from '../lib/repo.ts';
import { writeFileAtomic } from '../lib/atomic-write.ts';

/** `apis branch-check --base <branch> --head <branch> [--report <file>]`: exit 0 allowed, 1 refused, with the reason. */
export async function branchCheckCommand(options: { base: string; head: string; report?: string }): Promise<number> {
  const decision = decidePullRequest(options.base, options.head, loadConfig(findRepoRoot()));
  process.stdout.write(`${decision.allowed ? '✔ allowed' : '✖ refused'}: ${decision.reason}\n`);
  if (options.report) {
    const check = {
      name: 'branch policy',
      ok: decision.allowed,
      summary: `${options.head} → ${options.base}: ${decision.reason}`,
      reproduce: `npx apis branch-check --base ${options.base} --head ${options.head}`,
    };
    await writeFileAtomic(options.report, JSON.stringify({ checks: [check] }, null, 2) + '\n');
  }
  return decision.allowed ? 0 : 1;
}

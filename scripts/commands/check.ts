import { writeFileAtomic } from '../lib/atomic-write.ts';
import { COMMENT_NAMES, reportChecks, runCheckSuite } from '../governance/checks.ts';
import type { CommentCheck } from '../governance/pr-comment.ts';

/** `apis check [--base <ref>] [--domain <d>…] [--report <file>]`: everything the CI gate runs; exit 1 when any check fails. */
export async function checkCommand(options: { base?: string; domain?: string[]; report?: string } = {}): Promise<number> {
  const run = await runCheckSuite({ base: options.base, domains: options.domain });
  process.stdout.write(reportChecks(run.outcomes));
  if (options.report) {
    const checks: CommentCheck[] = run.outcomes.flatMap((o) => {
      const name = COMMENT_NAMES[o.name];
      return name ? [{ name, ok: o.ok, summary: `${o.name}: ${o.summary}`, reproduce: o.reproduce }] : [];
    });
    await writeFileAtomic(options.report, JSON.stringify({ checks, changes: run.changes, silenced: run.silenced }, null, 2) + '\n');
  }
  return run.outcomes.every((o) => o.ok) ? 0 : 1;
}

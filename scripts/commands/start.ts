import { findRepoRoot, listDomains } from '../lib/repo.ts';
import { reportChecks, runChecks } from './check.ts';

/** `npm start`: the designer's overview of the repository. For now: the domains and the state of the CI gate. */
export async function startCommand(): Promise<number> {
  const domains = listDomains(findRepoRoot());
  process.stdout.write(`API contracts: ${domains.length} domains (${domains.join(', ')})\n\n`);
  const outcomes = await runChecks();
  process.stdout.write(reportChecks(outcomes));
  process.stdout.write('\nNext: edit specs/<domain>.yaml, run `npx apis lint`, then `npx apis bundle` before committing.\n');
  return outcomes.every((o) => o.ok) ? 0 : 1;
}

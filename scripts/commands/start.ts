import { findRepoRoot, listDomains } from '../lib/repo.ts';
import { reportChecks, runChecks } from './check.ts';

/** `npm start`: the designer's overview of the repository. For now: the domains and the state of the CI gate. */
export async function startCommand(): Promise<number> {
  const domains = listDomains(findRepoRoot());
  process.stdout.write(`API contracts: ${domains.length} domains (${domains.join(', ')})\n\n`);
  const outcomes = await runChecks();
  process.stdout.write(reportChecks(outcomes));
  process.stdout.write('\nNext: edit specs/<domain>.yaml and run `npx apis lint` as you go; commit (the pre-commit hook lints and regenerates generated/);\nthen `npx apis check --base master` shows what the change does to clients. README: "How to change an API".\n');
  return outcomes.every((o) => o.ok) ? 0 : 1;
}

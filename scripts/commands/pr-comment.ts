import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildPrComment, mergeChecks, type CommentCheck, type SilencedFinding } from '../governance/pr-comment.ts';
import { UserError } from '../lib/errors.ts';

interface ResultFile {
  checks?: CommentCheck[];
  changes?: string[];
  silenced?: SilencedFinding[];
}

/**
 * `apis pr-comment <results-dir> [--docs-url <url>]`: the comment body from the JSON results the CI
 * jobs wrote (`apis check --report`, plus small files for branch policy and tests).
 */
export async function prCommentCommand(dir: string, options: { docsUrl?: string }): Promise<number> {
  let files: string[];
  try {
    files = (await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.json')).sort();
  } catch {
    throw new UserError(`${dir}: cannot read the results folder`);
  }
  const checks: CommentCheck[] = [];
  const changes: string[] = [];
  const silenced: SilencedFinding[] = [];
  for (const file of files) {
    let result: ResultFile;
    try {
      result = JSON.parse(await readFile(join(dir, file), 'utf8'));
    } catch {
      throw new UserError(`${join(dir, file)}: not a JSON results file`);
    }
    checks.push(...(result.checks ?? []));
    changes.push(...(result.changes ?? []));
    silenced.push(...(result.silenced ?? []));
  }
  process.stdout.write(buildPrComment({ checks: mergeChecks(checks), changes, silenced, docsPreviewUrl: options.docsUrl }));
  return 0;
}

import { summarizeChanges, type Change } from '../change.ts';
import { formatDiffMarkdown } from './markdown.ts';
import { formatDiffText } from './text.ts';

import type { DiffFormat } from './names.ts';
export { DIFF_FORMATS, type DiffFormat } from './names.ts';

export interface DiffReport {
  title: string;
  changes: Change[];
}

export function formatDiff(format: DiffFormat, report: DiffReport): string {
  if (format === 'json') {
    const changes = report.changes.map(({ id, level, message, operation, location }) => ({ id, level, message, operation, location }));
    return JSON.stringify({ changes, summary: summarizeChanges(report.changes) }, null, 2) + '\n';
  }
  return format === 'markdown' ? formatDiffMarkdown(report) : formatDiffText(report);
}

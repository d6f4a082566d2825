import { changePagePath } from '../catalogue.ts';
import { summarizeChanges } from '../change.ts';
import { formatDiffMarkdown } from './markdown.ts';
import { gateSummary, type DiffReport } from './report.ts';
import { formatDiffText } from './text.ts';

import type { DiffFormat } from './names.ts';
export { DIFF_FORMATS, type DiffFormat } from './names.ts';

export { gateSummary, type DiffReport } from './report.ts';

export function formatDiff(format: DiffFormat, report: DiffReport): string {
  if (format === 'json') {
    const link = report.link ?? changePagePath;
    const changes = report.changes.map(({ id, level, side, message, operation, location, status, reason }) => ({
      id,
      level,
      message,
      operation,
      location,
      side,
      status: status ?? null,
      reason: reason ?? null,
      doc: link(id),
    }));
    return JSON.stringify({ changes, summary: { ...summarizeChanges(report.changes), ...gateSummary(report.changes) } }, null, 2) + '\n';
  }
  return format === 'markdown' ? formatDiffMarkdown(report) : formatDiffText(report);
}

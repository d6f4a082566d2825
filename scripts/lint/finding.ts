export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** One lint result, the unit every output format and the exit code are computed from. */
export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  file: string;
  line: number;
  column: number;
  /** JSON pointer inside `file`. */
  pointer: string;
  silenced: boolean;
  reason: string | null;
  /** Absolute path of the file, for matching findings across git refs; not part of any output. */
  source?: string;
}

export interface LintSummary {
  errors: number;
  warnings: number;
  silenced: number;
}

export function summarize(findings: Finding[]): LintSummary {
  const active = findings.filter((f) => !f.silenced);
  return {
    errors: active.filter((f) => f.severity === 'error').length,
    warnings: active.filter((f) => f.severity === 'warning').length,
    silenced: findings.length - active.length,
  };
}

export function compareFindings(a: Finding, b: Finding): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule) || a.message.localeCompare(b.message);
}

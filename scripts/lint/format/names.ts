/** Kept apart from the formatters so the CLI can list them without loading the ruleset. */
export const LINT_FORMATS = ['stylish', 'json', 'sarif', 'github', 'markdown'] as const;
export type LintFormat = (typeof LINT_FORMATS)[number];

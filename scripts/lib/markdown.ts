/** A value in a markdown table cell: pipes escaped, line breaks folded (one cell, one line). */
export function markdownCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/**
 * Marks for reports, all text-presentation characters: they render in any font (emoji such as ❌
 * or ℹ️ show as empty boxes where no emoji font is installed, as on a bare CI runner or docs host).
 */
export const MARK = { fail: '✖', pass: '✔', warning: '⚠', info: 'ℹ', skipped: '–', passedBreaking: '☑', docs: '→' } as const;

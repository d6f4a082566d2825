/** A value in a markdown table cell: pipes escaped, line breaks folded (one cell, one line). */
export function markdownCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

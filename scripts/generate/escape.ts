/**
 * Text from a spec reaches generated code only through these, one per context. A spec is
 * contributor input: a title that closes a comment and opens code of its own must stay text.
 */

/** Text inside a block comment (JSDoc included): one line, and nothing in it can close the comment. */
export function commentText(text: string): string {
  return (
    String(text)
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is removed.
      .replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ')
      .replace(/\*\//g, '*\\/')
      .trim()
  );
}

/** A single-quoted JavaScript/TypeScript string literal holding exactly `text`, whatever it contains. */
export function stringLiteral(text: string): string {
  return `'${JSON.stringify(String(text))
    .slice(1, -1)
    .replace(/\\"/g, '"')
    .replace(/'/g, "\\'")
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')}'`;
}

const RESERVED = new Set(
  'break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package private protected public await any boolean constructor declare get module require number set string symbol type from of async never unknown object'.split(
    ' ',
  ),
);

/** An identifier made from `text`: letters, digits, `_` and `$` only, never starting with a digit, never a reserved word. */
export function identifier(text: string): string {
  let id = String(text).replace(/[^A-Za-z0-9_$]+/g, '_');
  if (id === '' || /^[0-9]/.test(id)) id = `_${id}`;
  return RESERVED.has(id) ? `${id}_` : id;
}

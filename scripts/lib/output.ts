import { styleText } from 'node:util';

type Style = Parameters<typeof styleText>[0];

/** Colour only for people: a terminal that did not ask for NO_COLOR. */
export function colorizer(stream: NodeJS.WriteStream = process.stdout): (style: Style, text: string) => string {
  const enabled = Boolean(stream.isTTY) && process.env.NO_COLOR === undefined && process.env.TERM !== 'dumb';
  return enabled ? (style, text) => styleText(style, text) : (_style, text) => text;
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

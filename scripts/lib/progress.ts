/**
 * Progress for work that may take a while: silent if it ends within a second, then one line kept up
 * to date on a terminal (a line per step elsewhere, e.g. in CI logs).
 */
export function progress(
  label: string,
  stream: NodeJS.WriteStream = process.stderr,
): { update(done: number, total: number, detail?: string): void; end(): void } {
  const started = Date.now();
  let shown = false;
  let last = '';
  return {
    update(done, total, detail = '') {
      if (Date.now() - started < 1000) return;
      const text = `${label}: ${done}/${total}${detail ? ` (${detail})` : ''}`;
      if (text === last) return;
      last = text;
      if (stream.isTTY) stream.write(`\r\x1b[K${text}`);
      else stream.write(`${text}\n`);
      shown = true;
    },
    end() {
      if (shown && stream.isTTY) stream.write('\r\x1b[K');
    },
  };
}

import { colorizer, plural } from '../lib/output.ts';
import { stopSignals } from '../lib/signals.ts';
import type { RequestLog } from '../mock/server.ts';
import { startMock, type MockOptions } from '../mock/start.ts';

/** `apis mock [domain…]`: serves every domain from one port until Ctrl-C (or SIGTERM). */
export async function mockCommand(domains: string[], options: MockOptions): Promise<number> {
  const signals = stopSignals();
  const paint = colorizer();
  const log = (entry: RequestLog) => {
    if (options.quiet) return;
    const status =
      entry.status === 'dropped'
        ? paint('red', 'dropped')
        : entry.status >= 500
          ? paint('red', String(entry.status))
          : entry.status >= 400
            ? paint('yellow', String(entry.status))
            : paint('green', String(entry.status));
    const lines = [`${entry.method.padEnd(6)} ${entry.url} ${status} ${entry.ms.toFixed(0)} ms`, ...entry.notes.map((n) => `         ${n}`)];
    process.stdout.write(lines.join('\n') + '\n');
  };
  const mock = await startMock(domains, options, log);
  const what = options.proxy ? `Validating proxy to ${options.proxy}` : `Mocking ${plural(mock.urls.size, 'domain')}`;
  const source = options.ref ? ` as of ${options.ref}` : '';
  const width = Math.max(...[...mock.urls.keys()].map((d) => d.length));
  const lines = [
    `${what}${source} (Prism), ${options.dynamic ? `generated data, seed ${options.seed ?? '1'}` : 'answers from the examples'}:`,
    ...[...mock.urls].map(([domain, url]) => `  ${domain.padEnd(width)}  ${paint('cyan', url)}`),
    `Faults: ${mock.faults.describe()}`,
    'Ctrl-C stops.',
  ];
  process.stdout.write(lines.join('\n') + '\n');
  await signals.whenStopped(mock.close);
  return 0;
}

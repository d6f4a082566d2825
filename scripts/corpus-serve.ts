/**
 * The corpus's `serve` stage, for one document already generated in `<dir>/generated/doc`: what a
 * team adopting the package does first. Type-checks a consumer under `strict` against the package as
 * it ships (declarations, no sources beside them), starts the generated server with no handlers,
 * sends one request per operation without credentials or body, and sorts the answers: problem+json
 * from the framework (400/401/403/415, or 501 naming this very operation) is correct; a 500, HTML, a
 * 501 naming another operation (a wrong route), a 404/405, or no answer within 10 s is not. Two
 * operations whose method and template shape are the same (`/a/{x}` and `/a/{y}`) are counted apart:
 * OpenAPI forbids them, and no router can tell which one a URL means.
 * Prints one JSON line; exit 0 when it could run, whatever it found.
 * Usage: tsx scripts/corpus-serve.ts <dir>
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './bench/measure.ts';

const dir = process.argv[2];
const pkg = join(dir, 'generated', 'doc');

export interface ServeReport {
  compileErrors: number;
  firstCompileError?: string;
  startFailure?: string;
  operations: number;
  correct: number;
  serverErrors: number;
  html: number;
  wrongRoutes: number;
  /** Operations whose method and path template shape another operation shares (OpenAPI forbids it): no server can tell them apart. */
  ambiguous: number;
  hangs: number;
  other: number;
  examples: string[];
}

/** One request with a 10 s limit; through node:http, since fetch refuses to send TRACE. */
function send(url: string, method: string): Promise<{ status: number; headers: Headers; text: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { method, timeout: 10_000 }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const headers = new Headers();
        for (const [name, value] of Object.entries(response.headers)) if (typeof value === 'string') headers.set(name, value);
        resolve({ status: response.statusCode ?? 0, headers, text: Buffer.concat(chunks).toString('utf8') });
      });
      response.on('error', reject);
    });
    request.on('timeout', () => request.destroy(new Error('no answer within 10 s')));
    request.on('error', reject);
    request.end();
  });
}

const report: ServeReport = {
  compileErrors: 0,
  operations: 0,
  correct: 0,
  serverErrors: 0,
  html: 0,
  wrongRoutes: 0,
  ambiguous: 0,
  hangs: 0,
  other: 0,
  examples: [],
};

for (const file of readdirSync(pkg, { recursive: true }) as string[]) if (file.endsWith('.ts') && !file.endsWith('.d.ts')) rmSync(join(pkg, file));
writeFileSync(
  join(dir, 'consumer.ts'),
  [
    "import { createDocClient } from './generated/doc/client.js';",
    "import { createDocServer, type Handlers } from './generated/doc/server.js';",
    "const client = createDocClient({ baseUrl: 'http://127.0.0.1' });",
    'const handlers: Partial<Handlers> = {};',
    'createDocServer(handlers, { allowUnimplemented: true });',
    'void client;',
    '',
  ].join('\n'),
);
writeFileSync(
  join(dir, 'tsconfig.json'),
  JSON.stringify({
    compilerOptions: { strict: true, noEmit: true, module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', skipLibCheck: false, types: ['node'] },
    files: ['consumer.ts'],
  }),
);
try {
  // tsgo (TypeScript's native compiler, the same checker): tsc 5.9 spends 10–25 s per document
  // checking @types/node and express again with skipLibCheck off, which 500 documents cannot afford.
  execFileSync(join(ROOT, 'node_modules', '.bin', 'tsgo'), ['-p', '.', '--singleThreaded'], { cwd: dir, encoding: 'utf8', stdio: 'pipe' });
} catch (error) {
  const lines = String((error as { stdout?: string }).stdout ?? '')
    .split('\n')
    .filter((l) => /error TS\d+/.test(l));
  report.compileErrors = Math.max(1, lines.length);
  report.firstCompileError = lines[0]?.slice(0, 300);
}

try {
  console.warn = () => {}; // the server lists its unimplemented operations: all of them here
  const server = (await import(pathToFileURL(join(pkg, 'server.js')).href)) as {
    createDocServer(handlers: object, options: object): import('express').Express;
    operationInfo: Record<string, { method: string; path: string }>;
  };
  const http = createServer(server.createDocServer({}, { allowUnimplemented: true }));
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const shape = (op: { method: string; path: string }) => `${op.method} ${op.path.replace(/\{[^}]+\}/g, '{}')}`;
  const shapes = new Map<string, number>();
  for (const op of Object.values(server.operationInfo)) shapes.set(shape(op), (shapes.get(shape(op)) ?? 0) + 1);
  for (const [name, op] of Object.entries(server.operationInfo)) {
    report.operations++;
    const url = base + op.path.replace(/\{[^}]+\}/g, 'p1').replace(/[?#]/g, encodeURIComponent);
    const note = (what: keyof ServeReport, detail: string) => {
      (report[what] as number)++;
      if (report.examples.length < 5) report.examples.push(`${op.method.toUpperCase()} ${op.path}: ${detail}`);
    };
    try {
      const response = await send(url, op.method.toUpperCase());
      const type = response.headers.get('content-type') ?? '';
      const text = response.text;
      if (/html/i.test(type)) note('html', `${response.status} ${type}`);
      else if (response.status >= 500 && response.status !== 501) note('serverErrors', `${response.status} ${text.slice(0, 200)}`);
      else if (type !== 'application/problem+json') note('other', `${response.status} ${type}`);
      else if (response.status === 501) {
        // A HEAD answer has no body to name the operation: its status and type are all there is.
        if (op.method === 'head' || (JSON.parse(text) as { detail?: string }).detail?.startsWith(`${name} (`)) report.correct++;
        else note((shapes.get(shape(op)) ?? 0) > 1 ? 'ambiguous' : 'wrongRoutes', text.slice(0, 200));
      } else if ([400, 401, 403, 415].includes(response.status)) report.correct++;
      else note('wrongRoutes', `${response.status} ${text.slice(0, 200)}`);
    } catch (error) {
      note('hangs', String(error));
    }
  }
  http.close();
} catch (error) {
  report.startFailure = String(error instanceof Error ? error.message : error).slice(0, 300);
}
console.log(JSON.stringify(report));
process.exit(0);

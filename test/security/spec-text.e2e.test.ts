/**
 * Attack 1: spec text becomes code. Every field of a spec that reaches generated code carries text
 * that would run if pasted unescaped; generating the package and importing it must run none of it,
 * and the declarations must still compile.
 */
import { execFileSync } from 'node:child_process';
import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { commentText, identifier, stringLiteral } from '../../scripts/generate/escape.ts';
import { REPO, runApis, tempRepo } from '../helpers.ts';

const BREAK_COMMENT = '*/ globalThis.__pwned = "comment"; /*';
const BREAK_STRING = "x'); globalThis.__pwned = 'string'; ('";

const hostile = {
  openapi: '3.1.0',
  info: { title: `X ${BREAK_COMMENT}`, version: '1.0.0', description: BREAK_COMMENT },
  paths: {
    [`/v1/items/{id}/${BREAK_STRING.replace(/[{}]/g, '')}`]: {
      post: {
        operationId: BREAK_STRING,
        summary: BREAK_COMMENT,
        description: `${BREAK_COMMENT}\n\u2028${BREAK_STRING}`,
        'x-feature-flag': BREAK_STRING,
        parameters: [
          { name: 'id', in: 'path', required: true, description: BREAK_COMMENT, schema: { type: 'string' } },
          { name: 'Idempotency-Key', in: 'header', required: true, schema: { type: 'string' } },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                description: BREAK_COMMENT,
                properties: {
                  [`a'b"c${BREAK_COMMENT}`]: { type: 'string', description: BREAK_COMMENT, enum: [`'"${BREAK_COMMENT}`, BREAK_STRING] },
                },
              },
            },
          },
        },
        responses: { '200': { description: BREAK_COMMENT, content: { 'application/json': { schema: { type: 'object', title: BREAK_COMMENT } } } } },
      },
    },
  },
};

describe('attack 1: spec text in generated code', () => {
  it('escapes per context: comments cannot be closed, strings cannot be left, identifiers are identifiers', () => {
    expect(commentText(BREAK_COMMENT)).not.toContain('*/');
    expect(commentText('a\nb\u2028c')).toBe('a b c');
    // eslint-style check by evaluation: the literal is one expression whose value is the text.
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a template placeholder is the hostile text here.
    for (const text of [BREAK_STRING, `'"\\\u2028\u2029\n</script>`, '${x}`']) expect(new Function(`return ${stringLiteral(text)};`)()).toBe(text);
    for (const text of ['class', '1abc', 'a-b c', '']) expect(identifier(text)).toMatch(/^[A-Za-z_$][A-Za-z0-9_$]*$/);
    expect(identifier('class')).not.toBe('class');
  });

  it('a hostile spec generates a package that runs none of its text when imported, and whose types compile', async () => {
    const dir = tempRepo({ 'specs/hostile.yaml': stringify(hostile) }, { copySpecs: false });
    symlinkSync(join(REPO, 'node_modules'), join(dir, 'node_modules'));
    const generated = await runApis(['generate', 'hostile'], { cwd: dir });
    expect(generated.code, generated.stderr).toBe(0);
    const out = execFileSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        "await import('./generated/hostile/client.js'); await import('./generated/hostile/server.js'); console.log(String(globalThis.__pwned));",
      ],
      { cwd: dir, encoding: 'utf8' },
    );
    expect(out.trim()).toBe('undefined');
    writeFileSync(join(dir, 'consumer.ts'), "import type { paths } from './generated/hostile/client.js';\nexport type P = keyof paths;\n");
    execFileSync(
      join(REPO, 'node_modules', '.bin', 'tsc'),
      [
        '--noEmit',
        '--strict',
        '--module',
        'NodeNext',
        '--moduleResolution',
        'NodeNext',
        '--skipLibCheck',
        'false',
        '--types',
        'node',
        '--typeRoots',
        join(REPO, 'node_modules', '@types'),
        'consumer.ts',
      ],
      {
        cwd: dir,
        encoding: 'utf8',
      },
    );
  }, 60_000);
});

/**
 * Type tests (checked by `npm test`'s type-check, never run): a class response (`4XX`) admits every
 * status of its class with its body, and nothing else.
 */
import type { ResponseOf } from '../../scripts/runtime/types.ts';
type ClassOperation = {
  responses: {
    200: { content: { 'application/json': { owner: string } } };
    '4XX': { content: { 'application/json': { message: string } } };
  };
};
export const unprocessable: ResponseOf<ClassOperation> = { status: 422, body: { message: 'Validation Failed' } };
export const ok: ResponseOf<ClassOperation> = { status: 200, body: { owner: 'octocat' } };
// @ts-expect-error 503 is not in 4XX, and no 5XX is declared
export const unavailable: ResponseOf<ClassOperation> = { status: 503, body: { message: 'down' } };
// @ts-expect-error a 4XX answer carries the 4XX body
export const wrongBody: ResponseOf<ClassOperation> = { status: 404, body: { owner: 'x' } };

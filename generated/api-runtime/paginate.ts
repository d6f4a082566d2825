/**
 * Cursor pagination for every list the house rules shape alike (`?cursor=&limit=` in, `{ items,
 * next_cursor }` out): an async iterator over the items of every page, and the page types the
 * React Query helpers share. Each page is one call of the resilient client, so it has the same
 * timeout, retries and token refresh as any other call.
 */
import type { Client, MaybeOptionalInit } from 'openapi-fetch';

/** Where a list operation keeps its cursor (query parameter), its next cursor and its items (response properties). */
export interface PageShape {
  cursor: string;
  next: string;
  items: string;
}

export type PaginatedRoutes = Readonly<Record<string, Readonly<PageShape>>>;

/** A list call answered with an error: the status and the problem body the server sent. */
export class PageError extends Error {
  constructor(
    readonly status: number,
    readonly problem: unknown,
  ) {
    super(`the list call failed with ${status}${typeof problem === 'object' && problem !== null && 'title' in problem ? `: ${String(problem.title)}` : ''}`);
    this.name = 'PageError';
  }
}

type GetOperation<Paths, P> = P extends keyof Paths ? (Paths[P] extends { get: infer Op } ? Op : never) : never;

/** The JSON body of a list operation's 200 answer: one page. */
export type PageOf<Paths, P> = GetOperation<Paths, P> extends { responses: { 200: { content: { 'application/json': infer Body } } } } ? Body : never;

/** The type of one item of a list operation. */
export type ItemOf<Paths, Routes extends PaginatedRoutes, P extends keyof Routes> =
  PageOf<Paths, P> extends { [K in Routes[P]['items']]: ReadonlyArray<infer Item> } ? Item : never;

/** The request options of a list operation (params, headers, signal…), required when it has required parameters. */
export type ListInit<Paths, P> = P extends keyof Paths ? MaybeOptionalInit<Paths[P], 'get' & keyof Paths[P]> : never;

type RequiredKeysOf<T> = { [K in keyof T]-?: object extends Pick<T, K> ? never : K }[keyof T];
export type InitArgs<Init> = RequiredKeysOf<Init> extends never ? [init?: Init] : [init: Init];

/** `client.paginate(path, init)`: every item of every page, in order, fetched one page at a time as you iterate. */
export type Paginate<Paths, Routes extends PaginatedRoutes> = <P extends keyof Routes & keyof Paths & string>(
  path: P,
  ...init: InitArgs<ListInit<Paths, P>>
) => AsyncGenerator<ItemOf<Paths, Routes, P>, void, undefined>;

export type PaginatingClient<Paths extends object, Routes extends PaginatedRoutes> = Client<Paths> & { paginate: Paginate<Paths, Routes> };

export type AnyInit = { params?: { query?: Record<string, unknown> } & Record<string, unknown> } & Record<string, unknown>;

/** The request options for the page at `cursor` (the first page when it is null: no cursor sent). */
export function pageInit(init: AnyInit | undefined, shape: PageShape, cursor: string | null): AnyInit {
  const query = { ...init?.params?.query };
  if (cursor === null) delete query[shape.cursor];
  else query[shape.cursor] = cursor;
  return { ...init, params: { ...init?.params, query } };
}

/** The next page's cursor, or null on the last page (`next_cursor` null, absent or empty). */
export function nextCursor(page: unknown, shape: PageShape): string | null {
  const next = typeof page === 'object' && page !== null ? (page as Record<string, unknown>)[shape.next] : undefined;
  return typeof next === 'string' && next !== '' ? next : null;
}

/** The list operation's page shape; a path that is not a cursor-paginated list is the caller's mistake. */
export function pageShapeFor(routes: PaginatedRoutes, path: string): PageShape {
  const shape = Object.hasOwn(routes, path) ? routes[path] : undefined;
  if (!shape) throw new TypeError(`${path} is not a cursor-paginated list operation`);
  return shape;
}

/** One page of the list at `path` (the first when `cursor` is null), or PageError with the status and problem. */
export async function fetchPage(
  client: Client<object>,
  shape: PageShape,
  path: string,
  init: AnyInit | undefined,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<{ data: unknown; status: number }> {
  const get = client.GET as unknown as (path: string, init: AnyInit) => Promise<{ data?: unknown; error?: unknown; response: Response }>;
  const { data, error, response } = await get(path, { ...pageInit(init, shape, cursor), ...(signal ? { signal } : {}) });
  if (error !== undefined || !response.ok) throw new PageError(response.status, error);
  return { data, status: response.status };
}

async function* pages(client: Client<object>, shape: PageShape, path: string, init: AnyInit | undefined): AsyncGenerator<unknown[], void, undefined> {
  const start = init?.params?.query?.[shape.cursor];
  let cursor: string | null = typeof start === 'string' && start !== '' ? start : null;
  const seen = new Set<string>();
  for (;;) {
    const { data, status } = await fetchPage(client, shape, path, init, cursor);
    const items = typeof data === 'object' && data !== null ? (data as Record<string, unknown>)[shape.items] : undefined;
    if (!Array.isArray(items)) throw new PageError(status, { title: `the page has no ${shape.items} list` });
    yield items;
    const next = nextCursor(data, shape);
    if (next === null) return;
    // A server that hands back a cursor it already gave would make this loop forever.
    if (seen.has(next)) throw new PageError(status, { title: `the server returned the cursor ${next} twice` });
    seen.add(next);
    cursor = next;
  }
}

/** The client with `paginate` added for the operations in `routes` (the generated `paginatedRoutes`). */
export function withPagination<Paths extends object, Routes extends PaginatedRoutes>(client: Client<Paths>, routes: Routes): PaginatingClient<Paths, Routes> {
  const paginate = async function* (path: string, init?: AnyInit) {
    for await (const page of pages(client as Client<object>, pageShapeFor(routes, path), path, init)) yield* page;
  };
  return Object.assign(client, { paginate: paginate as unknown as Paginate<Paths, Routes> });
}

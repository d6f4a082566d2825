/**
 * Infinite lists for TanStack Query: for each cursor-paginated operation, the options of an
 * infinite query that asks for the first page without a cursor and each next page with the page
 * before's next cursor, until the last page. The rest of the React Query surface (useQuery,
 * useMutation…) comes from openapi-react-query in the domain package; this module loads only when
 * a domain's `./react-query` is imported.
 */
import {
  useInfiniteQuery,
  type InfiniteData,
  type QueryClient,
  type QueryFunctionContext,
  type UseInfiniteQueryOptions,
  type UseInfiniteQueryResult,
} from '@tanstack/react-query';
import type { Client } from 'openapi-fetch';
import { fetchPage, nextCursor, pageShapeFor, type AnyInit, type ListInit, type PageError, type PageOf, type PaginatedRoutes } from './paginate.js';

/** Cursors are strings; the first page has none. */
export type Cursor = string | null;

export type InfiniteListKey = readonly ['get', string, unknown, 'infinite'];

export type InfiniteListOptions<Page> = UseInfiniteQueryOptions<Page, PageError, InfiniteData<Page, Cursor>, InfiniteListKey, Cursor> & {
  queryKey: InfiniteListKey;
  initialPageParam: Cursor;
};

/** Everything of an infinite query you may set, but what makes it this list. */
export type ExtraInfiniteOptions<Page> = Partial<Omit<InfiniteListOptions<Page>, 'queryKey' | 'queryFn' | 'initialPageParam' | 'getNextPageParam'>>;

export interface InfiniteLists<Paths, Routes extends PaginatedRoutes> {
  /** Options for useInfiniteQuery, prefetchInfiniteQuery and the like: pages of the list at `path`. */
  infiniteListOptions<P extends keyof Routes & keyof Paths & string>(
    path: P,
    init: ListInit<Paths, P>,
    options?: ExtraInfiniteOptions<PageOf<Paths, P>>,
  ): InfiniteListOptions<PageOf<Paths, P>>;
  /** `useInfiniteQuery` over the list at `path`: `data.pages`, `fetchNextPage()`, `hasNextPage`. */
  useInfiniteList<P extends keyof Routes & keyof Paths & string>(
    path: P,
    init: ListInit<Paths, P>,
    options?: ExtraInfiniteOptions<PageOf<Paths, P>>,
    queryClient?: QueryClient,
  ): UseInfiniteQueryResult<InfiniteData<PageOf<Paths, P>, Cursor>, PageError>;
}

export function infiniteLists<Paths extends object, Routes extends PaginatedRoutes>(client: Client<Paths>, routes: Routes): InfiniteLists<Paths, Routes> {
  const infiniteListOptions = (path: string, init: unknown, options: object = {}) => {
    const shape = pageShapeFor(routes, path);
    return {
      ...options,
      // Not openapi-react-query's ['get', path, init]: the same key for a query and an infinite query would mix their data.
      queryKey: ['get', path, init, 'infinite'] as const,
      queryFn: async ({ pageParam, signal }: QueryFunctionContext<InfiniteListKey, Cursor>) =>
        (await fetchPage(client as Client<object>, shape, path, init as AnyInit, pageParam, signal)).data,
      initialPageParam: null as Cursor,
      getNextPageParam: (page: unknown) => nextCursor(page, shape),
    };
  };
  return {
    infiniteListOptions: infiniteListOptions as InfiniteLists<Paths, Routes>['infiniteListOptions'],
    useInfiniteList: ((path: string, init: unknown, options?: object, queryClient?: QueryClient) =>
      useInfiniteQuery(infiniteListOptions(path, init, options) as never, queryClient)) as InfiniteLists<Paths, Routes>['useInfiniteList'],
  };
}

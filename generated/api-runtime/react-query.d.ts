/**
 * Infinite lists for TanStack Query: for each cursor-paginated operation, the options of an
 * infinite query that asks for the first page without a cursor and each next page with the page
 * before's next cursor, until the last page. The rest of the React Query surface (useQuery,
 * useMutation…) comes from openapi-react-query in the domain package; this module loads only when
 * a domain's `./react-query` is imported.
 */
import { type InfiniteData, type QueryClient, type UseInfiniteQueryOptions, type UseInfiniteQueryResult } from '@tanstack/react-query';
import type { Client } from 'openapi-fetch';
import { type ListInit, type PageError, type PageOf, type PaginatedRoutes } from './paginate.js';
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
    infiniteListOptions<P extends keyof Routes & keyof Paths & string>(path: P, init: ListInit<Paths, P>, options?: ExtraInfiniteOptions<PageOf<Paths, P>>): InfiniteListOptions<PageOf<Paths, P>>;
    /** `useInfiniteQuery` over the list at `path`: `data.pages`, `fetchNextPage()`, `hasNextPage`. */
    useInfiniteList<P extends keyof Routes & keyof Paths & string>(path: P, init: ListInit<Paths, P>, options?: ExtraInfiniteOptions<PageOf<Paths, P>>, queryClient?: QueryClient): UseInfiniteQueryResult<InfiniteData<PageOf<Paths, P>, Cursor>, PageError>;
}
export declare function infiniteLists<Paths extends object, Routes extends PaginatedRoutes>(client: Client<Paths>, routes: Routes): InfiniteLists<Paths, Routes>;

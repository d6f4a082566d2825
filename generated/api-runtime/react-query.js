/**
 * Infinite lists for TanStack Query: for each cursor-paginated operation, the options of an
 * infinite query that asks for the first page without a cursor and each next page with the page
 * before's next cursor, until the last page. The rest of the React Query surface (useQuery,
 * useMutation…) comes from openapi-react-query in the domain package; this module loads only when
 * a domain's `./react-query` is imported.
 */
import { useInfiniteQuery, } from '@tanstack/react-query';
import { fetchPage, nextCursor, pageShapeFor } from './paginate.js';
export function infiniteLists(client, routes) {
    const infiniteListOptions = (path, init, options = {}) => {
        const shape = pageShapeFor(routes, path);
        return {
            ...options,
            // Not openapi-react-query's ['get', path, init]: the same key for a query and an infinite query would mix their data.
            queryKey: ['get', path, init, 'infinite'],
            queryFn: async ({ pageParam, signal }) => (await fetchPage(client, shape, path, init, pageParam, signal)).data,
            initialPageParam: null,
            getNextPageParam: (page) => nextCursor(page, shape),
        };
    };
    return {
        infiniteListOptions: infiniteListOptions,
        useInfiniteList: ((path, init, options, queryClient) => useInfiniteQuery(infiniteListOptions(path, init, options), queryClient)),
    };
}

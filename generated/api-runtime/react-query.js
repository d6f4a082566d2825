/**
 * Infinite lists for TanStack Query: for each cursor-paginated operation, the options of an
 * infinite query that asks for the first page without a cursor and each next page with the page
 * before's next cursor, until the last page. The rest of the React Query surface (useQuery,
 * useMutation…) comes from openapi-react-query in the domain package; this module loads only when
 * a domain's `./react-query` is imported.
 */
import { useInfiniteQuery, } from '@tanstack/react-query';
import { nextCursor, PageError, pageInit } from './paginate.js';
export function infiniteLists(client, routes) {
    const get = client.GET;
    const infiniteListOptions = (path, init, options = {}) => {
        const shape = Object.hasOwn(routes, path) ? routes[path] : undefined;
        if (!shape)
            throw new TypeError(`${path} is not a cursor-paginated list operation`);
        return {
            ...options,
            // Not openapi-react-query's ['get', path, init]: the same key for a query and an infinite query would mix their data.
            queryKey: ['get', path, init, 'infinite'],
            queryFn: async ({ pageParam, signal }) => {
                const { data, error, response } = await get(path, { ...pageInit(init, shape, pageParam), signal });
                if (error !== undefined || !response.ok)
                    throw new PageError(response.status, error);
                return data;
            },
            initialPageParam: null,
            getNextPageParam: (page) => nextCursor(page, shape),
        };
    };
    return {
        infiniteListOptions: infiniteListOptions,
        useInfiniteList: ((path, init, options, queryClient) => useInfiniteQuery(infiniteListOptions(path, init, options), queryClient)),
    };
}

/** A list call answered with an error: the status and the problem body the server sent. */
export class PageError extends Error {
    status;
    problem;
    constructor(status, problem) {
        super(`the list call failed with ${status}${typeof problem === 'object' && problem !== null && 'title' in problem ? `: ${String(problem.title)}` : ''}`);
        this.status = status;
        this.problem = problem;
        this.name = 'PageError';
    }
}
/** The request options for the page at `cursor` (the first page when it is null: no cursor sent). */
export function pageInit(init, shape, cursor) {
    const query = { ...init?.params?.query };
    if (cursor === null)
        delete query[shape.cursor];
    else
        query[shape.cursor] = cursor;
    return { ...init, params: { ...init?.params, query } };
}
/** The next page's cursor, or null on the last page (`next_cursor` null, absent or empty). */
export function nextCursor(page, shape) {
    const next = typeof page === 'object' && page !== null ? page[shape.next] : undefined;
    return typeof next === 'string' && next !== '' ? next : null;
}
/** The list operation's page shape; a path that is not a cursor-paginated list is the caller's mistake. */
export function pageShapeFor(routes, path) {
    const shape = Object.hasOwn(routes, path) ? routes[path] : undefined;
    if (!shape)
        throw new TypeError(`${path} is not a cursor-paginated list operation`);
    return shape;
}
/** One page of the list at `path` (the first when `cursor` is null), or PageError with the status and problem. */
export async function fetchPage(client, shape, path, init, cursor, signal) {
    const get = client.GET;
    const { data, error, response } = await get(path, { ...pageInit(init, shape, cursor), ...(signal ? { signal } : {}) });
    if (error !== undefined || !response.ok)
        throw new PageError(response.status, error);
    return { data, status: response.status };
}
async function* pages(client, shape, path, init) {
    const start = init?.params?.query?.[shape.cursor];
    let cursor = typeof start === 'string' && start !== '' ? start : null;
    const seen = new Set();
    for (;;) {
        const { data, status } = await fetchPage(client, shape, path, init, cursor);
        const items = typeof data === 'object' && data !== null ? data[shape.items] : undefined;
        if (!Array.isArray(items))
            throw new PageError(status, { title: `the page has no ${shape.items} list` });
        yield items;
        const next = nextCursor(data, shape);
        if (next === null)
            return;
        // A server that hands back a cursor it already gave would make this loop forever.
        if (seen.has(next))
            throw new PageError(status, { title: `the server returned the cursor ${next} twice` });
        seen.add(next);
        cursor = next;
    }
}
/** The client with `paginate` added for the operations in `routes` (the generated `paginatedRoutes`). */
export function withPagination(client, routes) {
    const paginate = async function* (path, init) {
        for await (const page of pages(client, pageShapeFor(routes, path), path, init))
            yield* page;
    };
    return Object.assign(client, { paginate: paginate });
}

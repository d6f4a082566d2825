import { type OpenapiQueryClient } from 'openapi-react-query';
import { type InfiniteLists } from '@acme/api-runtime/react-query';
import { paginatedRoutes, type FeedbackClient } from './client.js';
import type { paths } from './schema.js';
export type FeedbackQueries = OpenapiQueryClient<paths> & InfiniteLists<paths, typeof paginatedRoutes>;
/**
 * TanStack Query for the Feedback API: `useQuery`, `useMutation`, `useSuspenseQuery` and
 * `queryOptions` for every operation (openapi-react-query), and `useInfiniteList` /
 * `infiniteListOptions` for every cursor-paginated list, following `next` cursors until the last page.
 */
export declare function createFeedbackQueries(client: FeedbackClient): FeedbackQueries;

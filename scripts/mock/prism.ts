/**
 * The parts of Prism `apis mock` uses, in one module so that scripts/build.ts can bundle them into
 * scripts/dist/prism.cjs: Prism loads ~2,900 CommonJS files (2,000 of them faker's locales), which
 * takes seconds; the bundle, with faker's English locale only, loads in a fraction of that.
 */
import * as http from '@stoplight/prism-http';
import { createLogger } from '@stoplight/prism-core';
import * as router from '@stoplight/prism-http/dist/router/index.js';
import { getHttpConfigFromRequest } from '@stoplight/prism-http-server/dist/getHttpConfigFromRequest.js';
import { createRequire } from 'node:module';
import { patchLinearPatterns } from '../runtime/linear-patterns.ts';

// Prism validates with Ajv: its patterns run on RE2, so no request can stall the mock (see
// runtime/linear-patterns.ts). In the bundle `require` is esbuild's and yields the bundled Ajv.
declare const require: NodeJS.Require | undefined;
patchLinearPatterns(typeof require === 'function' ? require('ajv/dist/vocabularies/code.js') : createRequire(import.meta.url)('ajv/dist/vocabularies/code.js'));

type Route = (options: { resources: unknown[]; input: http.IHttpRequest }) => { _tag: 'Left' | 'Right'; right?: unknown };
// A CommonJS default export arrives wrapped in one or two `.default`s, depending on the loader.
let route: unknown = router;
while (typeof route !== 'function' && route && typeof route === 'object' && 'default' in route) route = route.default;

const routeFunction = route as Route;
export { createLogger, getHttpConfigFromRequest, http, routeFunction as route };

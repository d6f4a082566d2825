/** Worker thread entry: render.ts's work for one domain, posted back (see pipeline.ts). */
import { parentPort, workerData } from 'node:worker_threads';
import { render, type RenderInput } from './render.ts';

parentPort?.postMessage(render(workerData as RenderInput));

/**
 * Serves a built docs site (sirv for the files) with the same Content-Security-Policy as a header.
 * For the local portal it also answers /assets/portal.js with the portal's settings (the mock's URL)
 * and /__apis/events, a Server-Sent Events stream that tells open pages to reload.
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import sirv from 'sirv';
import { listen } from '../lib/listen.ts';
import { contentSecurityPolicy } from './pages.ts';

export interface PortalSettings {
  /** Origin of the mock server, for "Try it out" on working-copy pages. */
  mock?: string;
  liveReload?: boolean;
}

export interface ServedSite {
  url: string;
  /** Tells every open page to reload. */
  reload(): void;
  close(): Promise<void>;
}

export async function serveSite(dir: string, port: number, host: string, portal?: PortalSettings): Promise<ServedSite> {
  const files = sirv(dir, { dev: true, etag: true, dotfiles: false });
  const listeners = new Set<ServerResponse>();
  const connect = portal?.mock ? [portal.mock] : [];
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://site.invalid').pathname;
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'no-referrer');
    if (path.endsWith('/__apis/events') && portal?.liveReload) {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(': connected\n\n');
      listeners.add(res);
      req.on('close', () => listeners.delete(res));
      return;
    }
    if (path === '/assets/portal.js' && portal) {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' });
      res.end(`window.apisPortal = ${JSON.stringify({ mock: portal.mock, liveReload: Boolean(portal.liveReload) })};\n`);
      return;
    }
    // The pages carry the same policy in a <meta>; as a header it also covers the non-HTML files.
    res.setHeader('content-security-policy', contentSecurityPolicy(['http://127.0.0.1:*', 'http://localhost:*', 'https:', ...connect]));
    files(req, res, () => {
      res.statusCode = 404;
      res.setHeader('content-type', 'text/plain; charset=utf-8');
      res.end('Not found. The landing page lists every ref: /index.html\n');
    });
  });
  const origin = await listen(server, port, host);
  return {
    url: `${origin}/`,
    reload() {
      for (const res of listeners) res.write('data: reload\n\n');
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of listeners) res.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

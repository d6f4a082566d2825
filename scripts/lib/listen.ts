import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { UserError } from './errors.ts';

/** `--port` as a number, or a one-line refusal. */
export function parsePort(value: string, flag = '--port'): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UserError(`${flag} must be a port number (0-65535), not "${value}"`);
  return port;
}

/**
 * Listens on host:port (0: any free port) and returns the origin to print, e.g. http://127.0.0.1:4010.
 * A taken port or a foreign address is the user's mistake: one line, exit 2.
 */
export async function listen(server: Server, port: number, host: string): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') reject(new UserError(`port ${port} on ${host} is already in use; choose another with --port`));
      else if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND') reject(new UserError(`--host ${host}: not an address of this machine`));
      else reject(new UserError(`cannot listen on ${host}:${port}: ${error.message}`));
    });
    server.listen(port, host, resolve);
  });
  const address = server.address() as AddressInfo;
  const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  // A server on every interface is reached from this machine through the loopback address.
  return `http://${shown === '0.0.0.0' || shown === '[::]' ? '127.0.0.1' : shown}:${address.port}`;
}

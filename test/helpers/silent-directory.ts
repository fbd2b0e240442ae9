import { once } from 'node:events';
import net from 'node:net';
import { afterEach } from 'vitest';

/** A "directory" that accepts connections and never answers. */
export interface SilentDirectory {
  url: string;
  /** The first connection made to it. */
  connected: Promise<net.Socket>;
}

/**
 * Call once at a test file's top level. Returns `start`, which listens on
 * 127.0.0.1 (port 0) and answers nothing; each test's servers and their
 * connections are closed after it.
 */
export function useSilentDirectory(): () => Promise<SilentDirectory> {
  const servers: net.Server[] = [];
  const sockets: net.Socket[] = [];
  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.destroy();
    for (const server of servers.splice(0)) server.close();
  });
  return async () => {
    const server = net.createServer((socket) => sockets.push(socket));
    servers.push(server);
    const connected = once(server, 'connection').then(
      ([socket]) => socket as net.Socket,
    );
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as net.AddressInfo;
    return { url: `http://127.0.0.1:${port}`, connected };
  };
}

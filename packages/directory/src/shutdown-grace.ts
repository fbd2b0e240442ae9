import type { App } from './context.js';

/**
 * Once `close()` starts, gives the requests in flight `graceMs` to finish,
 * then closes every connection still open: a client that stops sending in
 * the middle of a body cannot hold the server open.
 */
export function closeStragglersAfter(app: App, graceMs: number): void {
  app.addHook('preClose', () => {
    const server = app.server;
    if (server.listening) {
      const timer = setTimeout(() => server.closeAllConnections(), graceMs);
      timer.unref();
      server.once('close', () => clearTimeout(timer));
    }
    return Promise.resolve();
  });
}

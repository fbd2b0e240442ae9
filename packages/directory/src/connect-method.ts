import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { ErrorCode } from './api/index.js';
import type { App } from './context.js';
import { ProblemError } from './problems.js';
import { rawProblemResponse } from './raw-problem.js';

/**
 * A `CONNECT` request never reaches Fastify: without a `connect` listener
 * Node closes its socket without a word. It gets a 405 problem with an
 * empty `Allow` (the directory is no proxy: no resource of it takes
 * CONNECT), then the connection closes.
 */
export function refuseConnect(app: App): void {
  app.server.on('connect', (request: IncomingMessage, socket: Duplex) => {
    const problem = new ProblemError(
      ErrorCode.MethodNotAllowed,
      `CONNECT is not allowed on ${request.url ?? ''}: the directory is not a proxy.`,
    );
    app.log.warn({ code: problem.code }, problem.detail);
    socket.on('error', () => socket.destroy());
    socket.end(rawProblemResponse(problem, ['Allow: ']), () =>
      socket.destroy(),
    );
  });
}

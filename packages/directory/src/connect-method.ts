import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { ErrorCode } from './api/index.js';
import { shuttingDownProblem } from './closing.js';
import type { App } from './context.js';
import { ProblemError } from './problems.js';
import { rawProblemResponse } from './raw-problem.js';

/**
 * A `CONNECT` request never reaches Fastify: without a `connect` listener
 * Node closes its socket without a word. It gets a 405 problem with an
 * empty `Allow` (the directory is no proxy: no resource of it takes
 * CONNECT), then the connection closes. While `closing()` it gets the same
 * 503 problem as every other request.
 */
export function refuseConnect(app: App, closing: () => boolean): void {
  app.server.on('connect', (request: IncomingMessage, socket: Duplex) => {
    const problem = closing()
      ? shuttingDownProblem()
      : new ProblemError(
          ErrorCode.MethodNotAllowed,
          `CONNECT is not allowed on ${request.url ?? ''}: the directory is not a proxy.`,
        );
    const headers = problem.status === 405 ? ['Allow: '] : [];
    app.log.warn({ code: problem.code }, problem.detail);
    socket.on('error', () => socket.destroy());
    socket.end(rawProblemResponse(problem, headers), () => socket.destroy());
  });
}

import { ErrorCode } from './api/index.js';
import type { App } from './context.js';
import { ProblemError } from './problems.js';

/** The problem every request gets while the directory shuts down. */
export function shuttingDownProblem(): ProblemError {
  return new ProblemError(
    ErrorCode.Unavailable,
    'The directory is shutting down; try again later.',
  );
}

/**
 * From the start of `close()` until the server stops listening, requests
 * get a 503 problem and `Connection: close`. Returns whether `close()` has
 * started, for requests Fastify never sees (see connect-method.ts).
 */
export function refuseWhileClosing(app: App): () => boolean {
  let closing = false;
  app.addHook('preClose', () => {
    closing = true;
    return Promise.resolve();
  });
  app.addHook('onRequest', async (_request, reply) => {
    if (!closing) return;
    void reply.header('connection', 'close');
    throw shuttingDownProblem();
  });
  return () => closing;
}

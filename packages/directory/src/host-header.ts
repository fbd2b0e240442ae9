import { ErrorCode } from './api/index.js';
import type { App } from './context.js';
import { ProblemError } from './problems.js';

/**
 * An HTTP/1.1 request without a `Host` header is a 400 problem (RFC 9112
 * §3.2); Node's own check (off in `buildApp`) answers a bare text 400.
 * HTTP/1.0 has no such rule.
 */
export function requireHostHeader(app: App): void {
  app.addHook('onRequest', (request, _reply, done) => {
    if (
      request.raw.httpVersion === '1.1' &&
      request.headers.host === undefined
    ) {
      done(
        new ProblemError(
          ErrorCode.MalformedRequest,
          'An HTTP/1.1 request needs a Host header.',
        ),
      );
      return;
    }
    done();
  });
}

import { ErrorCode } from './api/index.js';
import type { App } from './context.js';
import { ProblemError } from './problems.js';

const MESSAGE =
  'must be percent-encoded UTF-8 (every % followed by two hex digits)';

/**
 * A query string with a broken escape (`q=%`, `q=%ZZ`, an encoded lone
 * surrogate) is a 400. The router's parser would keep the text as sent or
 * drop it, and the search would quietly look for something else.
 */
export function refuseBadQueryEncoding(app: App): void {
  app.addHook('onRequest', (request, _reply, done) => {
    const at = request.url.indexOf('?');
    try {
      if (at !== -1) decodeURIComponent(request.url.slice(at + 1));
    } catch {
      done(
        new ProblemError(
          ErrorCode.ValidationFailed,
          `querystring: ${MESSAGE}.`,
          {
            errors: [{ in: 'querystring', pointer: '', message: MESSAGE }],
          },
        ),
      );
      return;
    }
    done();
  });
}

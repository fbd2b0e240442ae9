import type { FastifyRequest } from 'fastify';
import { ErrorCode } from './api/index.js';
import { charsetOf, isUtf8 } from './charset.js';
import { TOO_DEEP_MESSAGE, tooDeepAt } from './body-depth.js';
import type { App } from './context.js';
import type { ForbiddenKey } from './forbidden-keys.js';
import { forbiddenKeyIn } from './forbidden-keys.js';
import { ProblemError } from './problems.js';

type Done = (error: Error | null, body?: unknown) => void;

/** Fastify's default JSON parser, the callback kind (lib/content-type-parser.js). */
type JsonParser = (request: FastifyRequest, body: string, done: Done) => void;

function notUtf8(charset: string): ProblemError {
  return new ProblemError(
    ErrorCode.UnsupportedMediaType,
    `Only UTF-8 JSON is accepted: send application/json or application/json; charset=utf-8, not charset=${charset}.`,
  );
}

function forbidden({ key, pointer }: ForbiddenKey): ProblemError {
  const message = `the key "${key}" is not allowed (it could change an object's prototype)`;
  return new ProblemError(
    ErrorCode.ForbiddenKey,
    `body${pointer}: ${message}.`,
    {
      errors: [{ in: 'body', pointer, message }],
    },
  );
}

function tooDeep(pointer: string): ProblemError {
  return new ProblemError(
    ErrorCode.ValidationFailed,
    `body${pointer}: ${TOO_DEEP_MESSAGE}`,
    { errors: [{ in: 'body', pointer, message: TOO_DEEP_MESSAGE }] },
  );
}

/**
 * Parses JSON bodies with Fastify's own parser, but answers three mistakes
 * with their own problems rather than "not valid JSON": a compressed body
 * or a charset other than UTF-8 (415, before parsing) and valid JSON holding a key that could
 * change a prototype (400 `FORBIDDEN_KEY`), which Fastify refuses with the
 * same error as broken JSON. A body nested too deeply for that search
 * (see `body-depth.ts`) is a 400 `VALIDATION_FAILED`.
 */
export function parseJsonBodies(app: App): void {
  const strict = app.getDefaultJsonParser('error', 'error') as JsonParser;
  const lenient = app.getDefaultJsonParser('ignore', 'ignore') as JsonParser;
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser<string>(
    'application/json',
    { parseAs: 'string' },
    (request, body, done) => {
      const encoding = request.headers['content-encoding'];
      if (encoding !== undefined && encoding.toLowerCase() !== 'identity') {
        done(
          new ProblemError(
            ErrorCode.UnsupportedMediaType,
            `Bodies are accepted uncompressed only, not with Content-Encoding: ${encoding}.`,
          ),
        );
        return;
      }
      const charset = charsetOf(request.headers['content-type']);
      if (charset !== undefined && !isUtf8(charset)) {
        done(notUtf8(charset));
        return;
      }
      strict(request, body, (error, value) => {
        if (error === null) {
          done(null, value);
          return;
        }
        // Only a body that parses without the check can hold such a key.
        lenient(request, body, (lenientError, parsed) => {
          if (lenientError !== null) {
            done(error);
            return;
          }
          const deep = tooDeepAt(parsed);
          if (deep !== undefined) {
            done(tooDeep(deep));
            return;
          }
          const found = forbiddenKeyIn(parsed);
          done(found === undefined ? error : forbidden(found));
        });
      });
    },
  );
}

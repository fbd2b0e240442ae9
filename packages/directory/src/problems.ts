import type { FieldError } from './api/index.js';
import { ErrorCode, problemType } from './api/index.js';

const TITLES: Record<ErrorCode, string> = {
  [ErrorCode.ValidationFailed]: 'Invalid request',
  [ErrorCode.MalformedRequest]: 'Malformed request',
  [ErrorCode.MalformedJson]: 'Malformed JSON',
  [ErrorCode.ForbiddenKey]: 'Forbidden key',
  [ErrorCode.InvalidCursor]: 'Invalid cursor',
  [ErrorCode.InvalidAddress]: 'Invalid address',
  [ErrorCode.DuplicatePath]: 'Duplicate path',
  [ErrorCode.Unauthorized]: 'Unauthorized',
  [ErrorCode.InvalidCredentials]: 'Invalid credentials',
  [ErrorCode.NotFound]: 'Not found',
  [ErrorCode.UserNotFound]: 'User not found',
  [ErrorCode.MethodNotAllowed]: 'Method not allowed',
  [ErrorCode.RequestTimeout]: 'Request timeout',
  [ErrorCode.UsernameTaken]: 'Username taken',
  [ErrorCode.SessionReplaced]: 'Session replaced',
  [ErrorCode.PayloadTooLarge]: 'Payload too large',
  [ErrorCode.UnsupportedMediaType]: 'Unsupported media type',
  [ErrorCode.RateLimited]: 'Too many requests',
  [ErrorCode.HeadersTooLarge]: 'Request headers too large',
  [ErrorCode.Unavailable]: 'Service unavailable',
  [ErrorCode.Internal]: 'Internal error',
};

const STATUS: Record<ErrorCode, number> = {
  [ErrorCode.ValidationFailed]: 400,
  [ErrorCode.MalformedRequest]: 400,
  [ErrorCode.MalformedJson]: 400,
  [ErrorCode.ForbiddenKey]: 400,
  [ErrorCode.InvalidCursor]: 400,
  [ErrorCode.InvalidAddress]: 400,
  [ErrorCode.DuplicatePath]: 400,
  [ErrorCode.Unauthorized]: 401,
  [ErrorCode.InvalidCredentials]: 401,
  [ErrorCode.NotFound]: 404,
  [ErrorCode.UserNotFound]: 404,
  [ErrorCode.MethodNotAllowed]: 405,
  [ErrorCode.RequestTimeout]: 408,
  [ErrorCode.UsernameTaken]: 409,
  [ErrorCode.SessionReplaced]: 409,
  [ErrorCode.PayloadTooLarge]: 413,
  [ErrorCode.UnsupportedMediaType]: 415,
  [ErrorCode.RateLimited]: 429,
  [ErrorCode.HeadersTooLarge]: 431,
  [ErrorCode.Unavailable]: 503,
  [ErrorCode.Internal]: 500,
};

/** The title and HTTP status that go with a code. */
export function describeCode(code: ErrorCode): {
  title: string;
  status: number;
} {
  return { title: TITLES[code], status: STATUS[code] };
}

/**
 * An error a route throws on purpose; the error handler turns it into an
 * `application/problem+json` response with its stable code.
 */
export class ProblemError extends Error {
  override name = 'ProblemError';
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    readonly detail: string,
    readonly extra: {
      errors?: FieldError[];
      retryAfterSeconds?: number;
    } = {},
  ) {
    super(detail);
    this.status = STATUS[code];
  }
}

/** The `application/problem+json` body of a problem. */
export function problemBody(problem: ProblemError): string {
  const { title, status } = describeCode(problem.code);
  return JSON.stringify({
    type: problemType(problem.code),
    title,
    status,
    detail: problem.detail,
    code: problem.code,
    ...problem.extra,
  });
}

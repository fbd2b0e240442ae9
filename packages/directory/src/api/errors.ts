import { Type, type Static } from 'typebox';

/**
 * Stable error codes of the directory, carried in the `code` field of every
 * `application/problem+json` body. Clients switch on `code`, never on
 * `title` or `detail`, whose words may change.
 */
export enum ErrorCode {
  /** 400: the body, query or path failed validation; `errors` says where. */
  ValidationFailed = 'VALIDATION_FAILED',
  /** 400: the HTTP request itself could not be parsed (e.g. its headers). */
  MalformedRequest = 'MALFORMED_REQUEST',
  /** 400: the request body is not valid JSON. */
  MalformedJson = 'MALFORMED_JSON',
  /**
   * 400: the body is valid JSON but holds a key that could change an
   * object's prototype (`__proto__`, or `constructor` with `prototype`).
   */
  ForbiddenKey = 'FORBIDDEN_KEY',
  /** 400: `cursor` was not produced by this route for this query. */
  InvalidCursor = 'INVALID_CURSOR',
  /** 400: `host` is not a usable address (unspecified, multicast, …). */
  InvalidAddress = 'INVALID_ADDRESS',
  /** 400: two index entries in one batch share a `path`. */
  DuplicatePath = 'DUPLICATE_PATH',
  /** 401: no bearer token, an unknown one, or an expired one. */
  Unauthorized = 'UNAUTHORIZED',
  /** 401: login with an unknown username or a wrong password (same answer). */
  InvalidCredentials = 'INVALID_CREDENTIALS',
  /** 404: no such route. */
  NotFound = 'NOT_FOUND',
  /** 404: no user with that username. */
  UserNotFound = 'USER_NOT_FOUND',
  /** 405: the route exists but not with this method. */
  MethodNotAllowed = 'METHOD_NOT_ALLOWED',
  /** 408: the request did not arrive in time. */
  RequestTimeout = 'REQUEST_TIMEOUT',
  /** 409: registration with a username that is taken. */
  UsernameTaken = 'USERNAME_TAKEN',
  /**
   * 409: the account announced from a newer session since this one did; this
   * session can no longer announce or change the index.
   */
  SessionReplaced = 'SESSION_REPLACED',
  /** 413: the request body is larger than the route accepts. */
  PayloadTooLarge = 'PAYLOAD_TOO_LARGE',
  /** 415: the body is not `application/json` in UTF-8. */
  UnsupportedMediaType = 'UNSUPPORTED_MEDIA_TYPE',
  /** 429: too many attempts; wait `Retry-After` seconds. */
  RateLimited = 'RATE_LIMITED',
  /** 431: the request's headers are too large. */
  HeadersTooLarge = 'HEADERS_TOO_LARGE',
  /** 503: the directory is shutting down or its database is busy. */
  Unavailable = 'UNAVAILABLE',
  /** 500: a bug in the directory. */
  Internal = 'INTERNAL',
}

/** Every value of {@link ErrorCode}, for schemas and exhaustive checks. */
export const ERROR_CODES = Object.values(ErrorCode);

/** The media type of every error response (RFC 9457). */
export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** One failed check of a request, as a JSON Pointer into the request part. */
export const FieldErrorSchema = Type.Object(
  {
    /** Which part of the request: `body`, `querystring`, `params`. */
    in: Type.String(),
    /** JSON Pointer to the field, e.g. `/files/17/sha256`. */
    pointer: Type.String(),
    message: Type.String(),
  },
  { $id: 'FieldError' },
);
export type FieldError = Static<typeof FieldErrorSchema>;

/**
 * An error response, `application/problem+json` (RFC 9457). `type` is a
 * URI naming the problem (`urn:ferry:directory:problem:<code>`), `code` the
 * stable machine-readable code, `detail` a sentence for humans.
 */
export const ProblemSchema = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer({ minimum: 400, maximum: 599 }),
    detail: Type.String(),
    code: Type.Enum(ERROR_CODES),
    /** Validation errors only: each failed field. */
    errors: Type.Optional(Type.Array(FieldErrorSchema)),
    /** 429 only: seconds to wait, as in the `Retry-After` header. */
    retryAfterSeconds: Type.Optional(Type.Integer({ minimum: 0 })),
  },
  { $id: 'Problem' },
);
export type Problem = Omit<Static<typeof ProblemSchema>, 'code'> & {
  code: ErrorCode;
};

/** The `type` URI of a problem with this code. */
export function problemType(code: ErrorCode): string {
  return `urn:ferry:directory:problem:${code.toLowerCase().replace(/_/g, '-')}`;
}

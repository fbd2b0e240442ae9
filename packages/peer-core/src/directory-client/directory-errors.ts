import { ErrorCode, type Problem } from '@ferry/directory/api';
import { HTTPError, ParseError, RequestError } from 'got';
import { getErrorMessage, PeerError, PeerErrorCode } from '../errors.js';

/** A failed call to the directory, with the HTTP status and problem code. */
export class DirectoryError extends PeerError {
  override name = 'DirectoryError';

  constructor(
    code: PeerErrorCode,
    message: string,
    readonly status?: number,
    readonly problemCode?: string,
    options?: ErrorOptions,
  ) {
    super(code, message, options);
  }
}

/**
 * Whether the directory refused the call because the account went online
 * from a newer session (409 `SESSION_REPLACED`).
 */
export function isSessionReplaced(error: unknown): boolean {
  return (
    error instanceof DirectoryError &&
    error.problemCode === ErrorCode.SessionReplaced
  );
}

/** A call given up through `abortPending`, `error` being how it ended. */
export function cancelled(error: unknown, what: string): DirectoryError {
  return new DirectoryError(
    PeerErrorCode.Cancelled,
    `${what}: cancelled`,
    undefined,
    undefined,
    { cause: error },
  );
}

/** Turns whatever `got` threw into a `DirectoryError` with a stable code. */
export function toDirectoryError(error: unknown, what: string): PeerError {
  if (error instanceof PeerError) return error;
  if (error instanceof HTTPError) return fromResponse(error, what);
  if (error instanceof ParseError) {
    return new DirectoryError(
      PeerErrorCode.DirectoryError,
      `${what}: the directory sent a reply that is not JSON`,
      error.response.statusCode,
      undefined,
      { cause: error },
    );
  }
  const reason =
    error instanceof RequestError ? error.code : getErrorMessage(error);
  return new DirectoryError(
    PeerErrorCode.DirectoryUnreachable,
    `${what}: directory unreachable (${reason})`,
    undefined,
    undefined,
    { cause: error },
  );
}

function fromResponse(error: HTTPError, what: string): DirectoryError {
  const status = error.response.statusCode;
  const problem = asProblem(error.response.body);
  const detail = problem?.detail ?? `HTTP ${status}`;
  return new DirectoryError(
    codeOfStatus(status),
    `${what}: ${detail}`,
    status,
    problem?.code,
    { cause: error },
  );
}

function codeOfStatus(status: number): PeerErrorCode {
  if (status === 401 || status === 403) return PeerErrorCode.Unauthorized;
  if (status === 429) return PeerErrorCode.RateLimited;
  if (status >= 400 && status < 500) return PeerErrorCode.Rejected;
  return PeerErrorCode.DirectoryError;
}

function asProblem(body: unknown): Pick<Problem, 'code' | 'detail'> | null {
  if (typeof body !== 'object' || body === null) return null;
  const record = body as Record<string, unknown>;
  const detail = record['detail'];
  const code = record['code'];
  if (typeof detail !== 'string' || typeof code !== 'string') return null;
  return { detail, code } as Pick<Problem, 'code' | 'detail'>;
}

import type { Socket } from 'node:net';
import { ErrorCode } from './api/index.js';
import { ProblemError } from './problems.js';
import { rawProblemResponse } from './raw-problem.js';

/** Node's client error codes that are not a plain malformed request. */
const CODES: Record<string, ErrorCode> = {
  ERR_HTTP_REQUEST_TIMEOUT: ErrorCode.RequestTimeout,
  HPE_HEADER_OVERFLOW: ErrorCode.HeadersTooLarge,
};

function problemOf(error: NodeJS.ErrnoException): ProblemError {
  const code = CODES[error.code ?? ''] ?? ErrorCode.MalformedRequest;
  const detail =
    code === ErrorCode.MalformedRequest
      ? `The HTTP request could not be parsed (${error.code ?? 'unknown'}).`
      : error.message;
  return new ProblemError(code, detail);
}

/**
 * Node's `clientError`: a request Node could not read (bad Content-Length,
 * malformed headers, too many headers, a timeout). Fastify never sees it,
 * so the problem+json response is written straight to the socket, which
 * then closes.
 */
export function answerClientError(
  error: NodeJS.ErrnoException,
  socket: Socket,
): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  if (socket.writable) socket.write(rawProblemResponse(problemOf(error)));
  socket.destroy(error);
}

import { STATUS_CODES } from 'node:http';
import { PROBLEM_CONTENT_TYPE } from './api/index.js';
import type { ProblemError } from './problems.js';
import { problemBody } from './problems.js';

/**
 * `problem` as a whole HTTP/1.1 response with `Connection: close`, for a
 * socket Fastify never sees (after which the socket closes).
 */
export function rawProblemResponse(
  problem: ProblemError,
  headers: readonly string[] = [],
): string {
  const body = problemBody(problem);
  return [
    `HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status] ?? ''}`,
    `Content-Type: ${PROBLEM_CONTENT_TYPE}`,
    `Content-Length: ${Buffer.byteLength(body)}`,
    ...headers,
    'Connection: close',
    '',
    body,
  ].join('\r\n');
}

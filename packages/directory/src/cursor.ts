import { createHash } from 'node:crypto';
import { ErrorCode } from './api/index.js';
import { ProblemError } from './problems.js';

/**
 * Opaque cursors: base64url JSON of where the next page starts, tagged
 * with the route and a fingerprint of the query, so that a cursor used
 * with another query is refused rather than silently wrong.
 */
export function encodeCursor(kind: string, scope: string, at: unknown): string {
  return Buffer.from(
    JSON.stringify({ k: kind, s: fingerprint(scope), a: at }),
  ).toString('base64url');
}

/** The position held by a cursor, or a 400 `INVALID_CURSOR`. */
export function decodeCursor(
  cursor: string,
  kind: string,
  scope: string,
): unknown {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  if (
    typeof parsed !== 'object' ||
    parsed === null ||
    !('k' in parsed) ||
    !('s' in parsed) ||
    !('a' in parsed) ||
    parsed.k !== kind ||
    parsed.s !== fingerprint(scope)
  ) {
    throw new ProblemError(
      ErrorCode.InvalidCursor,
      'The cursor does not belong to this query; start again without it.',
    );
  }
  return parsed.a;
}

function fingerprint(scope: string): string {
  return createHash('sha256').update(scope).digest('base64url').slice(0, 12);
}

/** Throws `INVALID_CURSOR` unless `ok`. */
export function checkCursor(ok: boolean): void {
  if (!ok) {
    throw new ProblemError(ErrorCode.InvalidCursor, 'The cursor is damaged.');
  }
}

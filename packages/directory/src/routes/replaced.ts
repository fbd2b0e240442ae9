import { ErrorCode } from '../api/index.js';
import { ProblemError } from '../problems.js';
import type { DirectoryStore, SessionRecord } from '../store/store.js';

/** 409 `SESSION_REPLACED`: the account went online from a newer session. */
export function sessionReplacedProblem(): ProblemError {
  return new ProblemError(
    ErrorCode.SessionReplaced,
    'this account went online from another session; this session can no longer announce or change the index (log in again to take over).',
  );
}

/** Throws {@link sessionReplacedProblem} when the session was replaced. */
export async function refuseReplaced(
  store: DirectoryStore,
  session: SessionRecord,
): Promise<void> {
  if (await store.sessionReplaced(session.sessionId)) {
    throw sessionReplacedProblem();
  }
}

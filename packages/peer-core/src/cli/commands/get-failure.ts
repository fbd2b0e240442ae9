import { PeerError, PeerErrorCode } from '../../errors.js';

/**
 * What `get` reports when its download ended with `error`. Only a download
 * that `interrupted` (SIGINT, SIGTERM, closed standard output) stopped reads
 * "interrupted": stopping ends it `CANCELLED`. One that failed for a reason
 * of its own (every source failed, a disk error) keeps that reason, even
 * when the signal came while it was failing or after.
 */
export function getFailure(error: unknown, interrupted: boolean): unknown {
  const stoppedByUs =
    interrupted &&
    error instanceof PeerError &&
    error.code === PeerErrorCode.Cancelled;
  return stoppedByUs ? interruptedError() : error;
}

function interruptedError(): PeerError {
  return new PeerError(
    PeerErrorCode.Cancelled,
    'interrupted; run the same command again to resume',
  );
}

import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from 'pino';
import { getErrorMessage, PeerError, PeerErrorCode } from '../../errors.js';
import { backoffMs } from '../../peer/backoff.js';
import { withJitter } from '../../peer/jitter.js';
import type { Peer } from '../../peer/peer.js';

/** Wait before the second try; it doubles each time up to 30 s. */
const FIRST_RETRY_MS = 1000;

/** What `connectWhenReachable` needs. */
export interface ConnectRetry {
  /** One attempt at starting the peer. */
  connect: () => Promise<Peer>;
  directoryUrl: string;
  logger: Logger;
  /** Aborted when the user stops `serve` (SIGINT, SIGTERM). */
  signal: AbortSignal;
}

/**
 * Starts the peer, trying again with backoff while the directory cannot be
 * reached (or answers with a server error), and logging each wait and its
 * reason. Any other failure (a wrong password) is thrown at once. Resolves
 * `undefined` when the user stops it first.
 */
export async function connectWhenReachable(
  retry: ConnectRetry,
): Promise<Peer | undefined> {
  for (let failures = 1; ; failures += 1) {
    const outcome = await attempt(retry);
    if (outcome.peer !== undefined || retry.signal.aborted) return outcome.peer;
    const waitMs = withJitter(backoffMs(FIRST_RETRY_MS, failures));
    retry.logger.warn(
      {
        directory: retry.directoryUrl,
        reason: getErrorMessage(outcome.error),
        retryInMs: waitMs,
      },
      'waiting for the directory; Ctrl-C to stop',
    );
    try {
      await sleep(waitMs, undefined, { signal: retry.signal });
    } catch {
      return undefined;
    }
  }
}

/** One try: the peer, or the error worth retrying; other errors throw. */
async function attempt(
  retry: ConnectRetry,
): Promise<{ peer?: Peer; error?: unknown }> {
  try {
    const peer = await retry.connect();
    if (!retry.signal.aborted) return { peer };
    await peer.stop();
    return {};
  } catch (error) {
    if (retry.signal.aborted) return {};
    if (!isDirectoryDown(error)) throw error;
    return { error };
  }
}

function isDirectoryDown(error: unknown): boolean {
  return (
    error instanceof PeerError &&
    (error.code === PeerErrorCode.DirectoryUnreachable ||
      error.code === PeerErrorCode.DirectoryError)
  );
}

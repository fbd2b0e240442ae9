import { PeerError, PeerErrorCode } from '../errors.js';
import { safeText } from '../safe-text.js';

/** Exit code of a command that failed for a reason the user can act on. */
export const EXIT_FAILURE = 1;

/** Exit code after Ctrl-C (128 + SIGINT). */
export const EXIT_INTERRUPTED = 130;

/**
 * Ends a command with `exitCode` and nothing printed, as when the user
 * pressed Ctrl-C at a prompt.
 */
export class QuietExit extends PeerError {
  override name = 'QuietExit';

  constructor(readonly exitCode: number) {
    super(PeerErrorCode.Cancelled, `exit ${exitCode}`);
  }
}

/**
 * Prints why a command failed: one line for a `PeerError` (the user can act
 * on it), the stack for anything else (a bug). Returns the exit code.
 * Messages may quote the directory or a peer, so they are made safe to
 * print first.
 */
export function reportError(error: unknown): number {
  if (error instanceof QuietExit) return error.exitCode;
  if (error instanceof PeerError) {
    process.stderr.write(`ferry-peer: ${safeText(error.message)}\n`);
  } else {
    const text =
      error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stderr.write(`ferry-peer: unexpected error: ${text}\n`);
  }
  return EXIT_FAILURE;
}

import { PeerError } from '../errors.js';

/** Exit code of a command that failed for a reason the user can act on. */
export const EXIT_FAILURE = 1;

/**
 * Prints why a command failed: one line for a `PeerError` (the user can act
 * on it), the stack for anything else (a bug). Returns the exit code.
 */
export function reportError(error: unknown): number {
  if (error instanceof PeerError) {
    process.stderr.write(`ferry-peer: ${error.message}\n`);
  } else {
    const text =
      error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stderr.write(`ferry-peer: unexpected error: ${text}\n`);
  }
  return EXIT_FAILURE;
}

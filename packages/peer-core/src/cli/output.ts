import { getErrorMessage, isNodeError } from '../errors.js';
import { safeText } from '../safe-text.js';

/**
 * Exit code once the reader of standard output went away (`… | head -1`):
 * 128 + SIGPIPE, what a program killed by SIGPIPE reports.
 */
export const EXIT_STDOUT_CLOSED = 141;

/** Writes one JSON document (or one JSON line) to standard output. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}

/** Writes text and a newline to standard output. */
export function printLine(text: string): void {
  process.stdout.write(`${text}\n`);
}

/** True for the error a write gets once the reader of a pipe is gone. */
export function isClosedPipe(error: unknown): boolean {
  return isNodeError(error, 'EPIPE');
}

/**
 * Catches write errors of standard output, which would otherwise crash the
 * process with an unhandled 'error' event. A closed pipe (`| head -1`) is
 * quiet and exits 141; any other write error is one line and exits 1.
 * Listeners added with `process.stdout.on('error')` still hear of it.
 */
export class StdoutGuard {
  #failure: unknown;
  #failed = false;

  constructor(stream: NodeJS.WriteStream = process.stdout) {
    stream.on('error', (error) => this.#fail(error));
  }

  /** True once a write to standard output failed. */
  get failed(): boolean {
    return this.#failed;
  }

  /** The exit code a command that ended with `code` should exit with. */
  exitCode(code: number): number {
    if (!this.#failed) return code;
    return isClosedPipe(this.#failure) ? EXIT_STDOUT_CLOSED : 1;
  }

  #fail(error: unknown): void {
    if (this.#failed) return;
    this.#failed = true;
    this.#failure = error;
    if (!isClosedPipe(error)) {
      process.stderr.write(
        `ferry-peer: cannot write to standard output: ${safeText(getErrorMessage(error))}\n`,
      );
    }
    // The command may have finished already: set the code it exits with.
    process.exitCode = this.exitCode(0);
  }
}

import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { pino, type Logger } from 'pino';
import { PinoPretty } from 'pino-pretty';

/** How a program logs. */
export interface LoggerOptions {
  level?: string;
  /** Human-readable lines instead of JSON (default: when stderr is a TTY). */
  pretty?: boolean;
}

/**
 * A pino logger writing to standard error (standard output stays free for
 * results): JSON lines, or pino-pretty's lines when `pretty`.
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  const level = options.level ?? 'info';
  const pretty = options.pretty ?? process.stderr.isTTY;
  if (pretty) {
    return pino({ level }, PinoPretty({ destination: 2, colorize: true }));
  }
  return pino({ level }, pino.destination({ dest: 2, sync: true }));
}

/**
 * A logger appending JSON lines to `file`, for a program that owns the
 * terminal. The file (and its folder) is made at the first line, not
 * before; a line that cannot be written (a read-only folder) is dropped
 * rather than reaching the screen.
 */
export function fileLogger(file: string, level = 'info'): Logger {
  return pino({ level }, { write: (line: string) => appendLine(file, line) });
}

function appendLine(file: string, line: string): void {
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    appendFileSync(file, line);
  } catch {
    // dropped: the terminal belongs to the program's screen
  }
}

/** A logger that drops everything, for library users who pass none. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}

export type { Logger };

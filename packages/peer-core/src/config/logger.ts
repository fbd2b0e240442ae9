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

/** A logger that drops everything, for library users who pass none. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}

export type { Logger };

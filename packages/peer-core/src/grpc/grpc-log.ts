import type { Logger } from 'pino';
import { grpcJs } from './load-on-use.js';

/**
 * grpc-js logs a failed bind and also rejects the bind with the same
 * failure, which `ferry-peer serve` and `ferry` report in one line of
 * their own.
 */
const BIND_FAILURE = /^No address added out of total \d+ resolved$/;

/**
 * Sends grpc-js's own log lines (by default its errors; more with
 * `GRPC_VERBOSITY`) through `logger` at the same level, instead of grpc-js
 * writing bare `E …` lines to the console (standard error, or the TUI's
 * screen). Its bind-failure line is left out: the error it repeats is
 * reported.
 */
export function routeGrpcLog(logger: Logger): void {
  grpcJs().setLogger({
    error: (message: unknown) => {
      const text = String(message);
      if (!BIND_FAILURE.test(text)) logger.error({ source: 'grpc-js' }, text);
    },
    info: (message: unknown) =>
      logger.info({ source: 'grpc-js' }, String(message)),
    debug: (message: unknown) =>
      logger.debug({ source: 'grpc-js' }, String(message)),
  });
}

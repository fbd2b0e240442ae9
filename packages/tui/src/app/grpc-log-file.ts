import path from 'node:path';
import {
  fileLogger,
  resolveFerryPaths,
  routeGrpcLog,
  type HomeOptions,
} from '@ferry/peer-core';

/** The file grpc-js's own log lines go to, in the data folder. */
const GRPC_LOG_FILE = 'ferry.log';

/**
 * Sends grpc-js's own log lines to `ferry.log` in the data folder: the
 * console is the screen, where Ink would print them above the frame.
 * `GRPC_VERBOSITY` (errors by default) decides which lines come.
 */
export function logGrpcToFile(options: HomeOptions): void {
  const { dataDir } = resolveFerryPaths(options);
  routeGrpcLog(fileLogger(path.join(dataDir, GRPC_LOG_FILE), 'debug'));
}

import path from 'node:path';
import { startDirectory, type StartDirectoryOptions } from '@ferry/directory';

/** A real directory on loopback with its SQLite file in a temp folder. */
export interface TestDirectory {
  url: string;
  dbPath: string;
  /** Stops the server (the database file stays). */
  close(): Promise<void>;
  /** Starts it again on the same port and database. */
  restart(): Promise<void>;
}

/**
 * Starts a directory with a short peer TTL, for recovery tests; `options`
 * adds to (or overrides) the test settings.
 */
export async function startTestDirectory(
  dir: string,
  peerTtlMs = 3000,
  options: StartDirectoryOptions = {},
): Promise<TestDirectory> {
  const dbPath = path.join(dir, 'directory.db');
  const settings: StartDirectoryOptions = {
    host: '127.0.0.1',
    dbPath,
    peerTtlMs,
    logger: false,
    ...options,
  };
  let running = await startDirectory({ ...settings, port: 0 });
  const port = Number(new URL(running.url).port);
  return {
    url: running.url,
    dbPath,
    close: () => running.close(),
    restart: async () => {
      running = await startDirectory({ ...settings, port });
    },
  };
}

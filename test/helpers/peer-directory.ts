import path from 'node:path';
import { startDirectory } from '@ferry/directory';

/** A real directory on loopback with its SQLite file in a temp folder. */
export interface TestDirectory {
  url: string;
  dbPath: string;
  /** Stops the server (the database file stays). */
  close(): Promise<void>;
  /** Starts it again on the same port and database. */
  restart(): Promise<void>;
}

/** Starts a directory with a short peer TTL, for recovery tests. */
export async function startTestDirectory(
  dir: string,
  peerTtlMs = 3000,
): Promise<TestDirectory> {
  const dbPath = path.join(dir, 'directory.db');
  let running = await startDirectory({
    host: '127.0.0.1',
    port: 0,
    dbPath,
    peerTtlMs,
    logger: false,
  });
  const port = Number(new URL(running.url).port);
  return {
    url: running.url,
    dbPath,
    close: () => running.close(),
    restart: async () => {
      running = await startDirectory({
        host: '127.0.0.1',
        port,
        dbPath,
        peerTtlMs,
        logger: false,
      });
    },
  };
}

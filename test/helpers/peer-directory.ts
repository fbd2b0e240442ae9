import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { startDirectory, type StartDirectoryOptions } from '@ferry/directory';
import { TempDirs } from './temp-files.js';

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

/** The directory a {@link useTestDirectory} test runs against. */
export interface CurrentDirectory {
  /** The running directory's base URL. */
  readonly url: string;
}

/**
 * Starts a fresh directory (a temp folder named `prefix`…, the other
 * arguments as {@link startTestDirectory}) before each test of the file
 * and closes it and removes its folder after. Call once at module level.
 */
export function useTestDirectory(
  prefix: string,
  peerTtlMs = 3000,
  options: StartDirectoryOptions = {},
): CurrentDirectory {
  const temp = new TempDirs();
  let running: TestDirectory | undefined;
  beforeEach(async () => {
    running = await startTestDirectory(
      await temp.make(prefix),
      peerTtlMs,
      options,
    );
  });
  afterEach(async () => {
    await running?.close();
    running = undefined;
    await temp.cleanup();
  });
  return {
    get url() {
      if (running === undefined) throw new Error('no directory outside a test');
      return running.url;
    },
  };
}

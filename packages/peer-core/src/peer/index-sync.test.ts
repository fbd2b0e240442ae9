import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDirectory, type RunningDirectory } from '@ferry/directory';
import { afterEach, describe, expect, it } from 'vitest';
import { DirectoryClient } from '../directory-client/directory-client.js';
import type { SharedFileEntry } from './peer-client.js';
import { DirectorySession } from './directory-session.js';
import { IndexSync } from './index-sync.js';

const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A real directory in a temp folder and a logged-in session with it. */
async function session(): Promise<DirectorySession> {
  const dir = await mkdtemp(join(tmpdir(), 'ferry-index-sync-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  const directory: RunningDirectory = await startDirectory({
    host: '127.0.0.1',
    port: 0,
    dbPath: join(dir, 'directory.db'),
    logger: false,
  });
  cleanups.push(() => directory.close());
  const client = new DirectoryClient(directory.url, { timeoutMs: 120_000 });
  await client.register('alice', 'correct horse battery');
  return new DirectorySession({
    client,
    username: 'alice',
    password: () => Promise.resolve('correct horse battery'),
  });
}

/** `count` index entries of distinct made-up files. */
function entries(count: number, from = 0): SharedFileEntry[] {
  return Array.from({ length: count }, (_, i) => {
    const n = from + i;
    return {
      name: `file-${n}.bin`,
      path: `music/file-${n}.bin`,
      size: n + 1,
      sha256: n.toString(16).padStart(64, '0'),
      piecesRoot: n.toString(16).padStart(64, 'f'),
      mtimeMs: 1_700_000_000_000,
    };
  });
}

/** The number of files the directory lists for alice. */
async function indexed(alice: DirectorySession): Promise<number> {
  const files = await alice.call((token) =>
    alice.client.listFiles(token, 'alice'),
  );
  return files.length;
}

describe('IndexSync', () => {
  it('sends a share larger than one request may carry', async () => {
    // Given a share of 200,001 files, one more than a request takes
    const alice = await session();
    const files = entries(200_001);
    const sync = new IndexSync(alice, { files: () => files });
    // When its whole index is sent
    await sync.syncFull();
    // Then the directory holds every entry
    expect(await indexed(alice)).toBe(200_001);
  }, 180_000);

  it('sends deltas in batches, additions and removals alike', async () => {
    // Given a share of 7 files sent in batches of 3
    const alice = await session();
    let files = entries(7);
    const sync = new IndexSync(alice, { files: () => files }, 3);
    await sync.syncFull();
    expect(await indexed(alice)).toBe(7);
    // When 5 files are added and 4 removed
    const added = entries(5, 100);
    const removed = files.slice(0, 4);
    files = [...files.slice(4), ...added];
    await sync.sendDelta({ added, changed: [], removed });
    // Then the directory lists exactly the share
    expect(await indexed(alice)).toBe(8);
  });
});

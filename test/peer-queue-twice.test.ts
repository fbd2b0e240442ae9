import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import {
  TransferState,
  type Peer,
  type TransferSnapshot,
} from '@ferry/peer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startTestDirectory,
  type TestDirectory,
} from './helpers/peer-directory.js';
import { startTestPeer, type TestPeer } from './helpers/peer-network.js';
import { TempDirs, waitFor, writeRandomFile } from './helpers/peer-temp.js';

const temp = new TempDirs();
/** The source serves at most this fast, so a download lasts a while. */
const UPLOAD_RATE = 1_500_000;
const SIZE = 3 * 1024 * 1024;
let directory: TestDirectory;
let source: TestPeer;
let fetcher: TestPeer;
const files: { sha256: string; name: string; size: number }[] = [];

function fileAt(index: number): (typeof files)[0] {
  const file = files[index];
  if (file === undefined) throw new Error(`no file ${index}`);
  return file;
}

function downloads(peer: Peer): TransferSnapshot[] {
  return peer.snapshot().transfers.filter((t) => t.direction === 'down');
}

function until(peer: Peer, id: string, state: TransferState) {
  return waitFor(
    () => {
      const transfer = downloads(peer).find((t) => t.id === id);
      if (transfer?.state === TransferState.Failed) {
        throw new Error(`${id} failed: ${transfer.error ?? ''}`);
      }
      return transfer?.state === state ? transfer : undefined;
    },
    `${id} to be ${state}`,
    30_000,
  );
}

async function expectOnlyFile(file: (typeof files)[0]): Promise<void> {
  expect(await readdir(fetcher.downloadDir)).toEqual([file.name]);
  const bytes = await readFile(path.join(fetcher.downloadDir, file.name));
  expect(createHash('sha256').update(bytes).digest('hex')).toBe(file.sha256);
}

beforeAll(async () => {
  directory = await startTestDirectory(await temp.make('ferry-dir-'));
  source = await startTestPeer(temp, 'source', directory.url, {
    uploadRateBps: UPLOAD_RATE,
  });
  for (const name of ['twice.bin', 'again.bin']) {
    const sha256 = await writeRandomFile(
      path.join(source.shareDir, name),
      SIZE,
    );
    files.push({ sha256, name, size: SIZE });
  }
  await source.peer.rescan();
  fetcher = await startTestPeer(temp, 'fetcher', directory.url);
  await waitFor(async () => {
    const results = await fetcher.peer.search('bin');
    return results.length === files.length ? true : undefined;
  }, 'every file to be searchable');
});

afterAll(async () => {
  await Promise.all([source, fetcher].map((p) => p?.peer.stop()));
  await directory?.close();
  await temp.cleanup();
});

describe('one file downloaded twice into one folder', () => {
  it('is queued once: the second request gets the first transfer', async () => {
    const { peer } = fetcher;
    const file = fileAt(0);
    // Given a download of a file under way
    const first = peer.download(file);
    await until(peer, first, TransferState.Downloading);
    // When the same file is asked for again, and once more after a pause
    const second = peer.download(file);
    peer.pause(first);
    await until(peer, first, TransferState.Paused);
    const third = peer.download(file);
    // Then no new transfer is made: each request points to the first
    expect([second, third]).toEqual([first, first]);
    expect(downloads(peer).map((t) => t.id)).toEqual([first]);
    // And it completes alone, leaving the file and no .part behind
    peer.resume(first);
    await until(peer, first, TransferState.Done);
    await expectOnlyFile(file);
  });

  it('is queued anew once the first ended, and a retry of the old one is refused', async () => {
    const { peer } = fetcher;
    const file = fileAt(1);
    // Given a download of a file that was cancelled
    const old = peer.download(file);
    peer.cancel(old);
    await until(peer, old, TransferState.Cancelled);
    // When the file is asked for again
    const fresh = peer.download(file);
    // Then a new transfer is made, and retrying the old one is refused
    expect(fresh).not.toBe(old);
    expect(() => peer.retry(old)).toThrow(`already downloading ${file.name}`);
    expect(downloads(peer).find((t) => t.id === old)?.state).toBe(
      TransferState.Cancelled,
    );
    // And the new one completes alone into the folder
    await until(peer, fresh, TransferState.Done);
    expect((await readdir(fetcher.downloadDir)).sort()).toEqual(
      [fileAt(0).name, file.name].sort(),
    );
  });
});

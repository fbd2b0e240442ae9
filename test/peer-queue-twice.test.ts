import { readdir } from 'node:fs/promises';
import path from 'node:path';
import {
  TransferState,
  type Peer,
  type TransferSnapshot,
} from '@ferry/peer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256OfFile, TempDirs, waitFor } from './helpers/peer-temp.js';
import {
  startSlowSourceNetwork,
  type SharedFile,
  type SlowSourceNetwork,
} from './helpers/slow-source-network.js';

const temp = new TempDirs();
let network: SlowSourceNetwork;

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

async function expectOnlyFile(file: SharedFile): Promise<void> {
  const { downloadDir } = network.fetcher;
  expect(await readdir(downloadDir)).toEqual([file.name]);
  expect(await sha256OfFile(path.join(downloadDir, file.name))).toBe(
    file.sha256,
  );
}

beforeAll(async () => {
  network = await startSlowSourceNetwork(temp, ['twice.bin', 'again.bin']);
});

afterAll(async () => {
  await network?.stop();
  await temp.cleanup();
});

describe('one file downloaded twice into one folder', () => {
  it('is queued once: the second request gets the first transfer', async () => {
    const { peer } = network.fetcher;
    const file = network.file(0);
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
    const { peer } = network.fetcher;
    const file = network.file(1);
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
    expect((await readdir(network.fetcher.downloadDir)).sort()).toEqual(
      [network.file(0).name, file.name].sort(),
    );
  });
});

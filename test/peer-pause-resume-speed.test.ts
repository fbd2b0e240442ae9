import path from 'node:path';
import {
  TransferState,
  type Peer,
  type TransferSnapshot,
} from '@ferry/peer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256OfFile, TempDirs, waitFor } from './helpers/peer-temp.js';
import {
  SHARED_FILE_SIZE as SIZE,
  startSlowSourceNetwork,
  type SlowSourceNetwork,
} from './helpers/slow-source-network.js';

const temp = new TempDirs();
let network: SlowSourceNetwork;

function stateOf(peer: Peer, id: string): TransferSnapshot | undefined {
  return peer.snapshot().transfers.find((t) => t.id === id);
}

beforeAll(async () => {
  network = await startSlowSourceNetwork(temp, ['one.bin']);
});

afterAll(async () => {
  await network?.stop();
  await temp.cleanup();
});

describe('a download paused and resumed', () => {
  it('shows its speed and time left again after resuming', async () => {
    // Given a download from a slow source, paused part-way
    const { peer } = network.fetcher;
    const file = network.file(0);
    const id = peer.download(file);
    await waitFor(() => {
      const t = stateOf(peer, id);
      return t !== undefined && t.bytesDone > 0 && t.bytesDone < SIZE / 2
        ? true
        : undefined;
    }, 'the download to be under way');
    peer.pause(id);
    await waitFor(
      () => stateOf(peer, id)?.state === TransferState.Paused || undefined,
      'the download to be paused',
    );
    // When it resumes and runs to the end
    const seen: TransferSnapshot[] = [];
    const unsubscribe = peer.subscribe((snapshot) => {
      const t = snapshot.transfers.find((transfer) => transfer.id === id);
      if (t !== undefined) seen.push(t);
    });
    peer.resume(id);
    await waitFor(
      () => stateOf(peer, id)?.state === TransferState.Done || undefined,
      'the download to complete',
      30_000,
    );
    unsubscribe();
    // Then while it downloaded it showed a speed and an ETA again
    const moving = seen.filter(
      (t) =>
        t.state === TransferState.Downloading &&
        t.speedBps > 0 &&
        t.etaSeconds !== null,
    );
    expect(moving.length).toBeGreaterThan(0);
    expect(
      await sha256OfFile(path.join(network.fetcher.downloadDir, file.name)),
    ).toBe(file.sha256);
  });
});

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
  SHARED_FILE_SIZE as SIZE,
  startSlowSourceNetwork,
  type SharedFile,
  type SlowSourceNetwork,
} from './helpers/slow-source-network.js';

const temp = new TempDirs();
let network: SlowSourceNetwork;

function stateOf(peer: Peer, id: string): TransferSnapshot {
  const transfer = peer.snapshot().transfers.find((t) => t.id === id);
  if (transfer === undefined) throw new Error(`no transfer ${id}`);
  return transfer;
}

function until(peer: Peer, id: string, ...states: TransferState[]) {
  return waitFor(
    () => {
      const transfer = stateOf(peer, id);
      return states.includes(transfer.state) ? transfer : undefined;
    },
    `${id} to be ${states.join(' or ')}`,
    30_000,
  );
}

/** Starts downloading `file`; resolves with its id once it is part-way. */
async function downloadPartWay(file: SharedFile): Promise<string> {
  const { peer } = network.fetcher;
  const id = peer.download(file);
  await waitFor(() => {
    const t = stateOf(peer, id);
    return t.bytesDone > 0 && t.bytesDone < SIZE ? true : undefined;
  }, 'the download to be under way');
  return id;
}

beforeAll(async () => {
  network = await startSlowSourceNetwork(
    temp,
    ['one.bin', 'two.bin', 'three.bin', 'four.bin', 'five.bin'],
    { maxActiveDownloads: 1 },
  );
});

afterAll(async () => {
  await network?.stop();
  await temp.cleanup();
});

describe('the transfer queue', () => {
  it('runs one download at a time, in queue order, with pause, resume, cancel, retry and reorder', async () => {
    const [one, two, three] = [
      network.file(0),
      network.file(1),
      network.file(2),
    ];
    const { peer } = network.fetcher;
    // Given three downloads queued with a limit of one at a time
    const a = peer.download(one);
    const b = peer.download(two);
    const c = peer.download(three);
    expect(stateOf(peer, b).state).toBe(TransferState.Queued);
    expect(stateOf(peer, c).state).toBe(TransferState.Queued);
    // When the last is moved to the front and the middle one cancelled
    peer.move(c, 0);
    peer.cancel(b);
    expect(stateOf(peer, b).state).toBe(TransferState.Cancelled);
    // Then the running one shows its speed and time left
    await until(peer, a, TransferState.Downloading);
    const moving = await waitFor(() => {
      const t = stateOf(peer, a);
      return t.speedBps > 0 && t.etaSeconds !== null ? t : undefined;
    }, 'a speed and an ETA');
    expect(moving.sources).toBe(1);
    expect(peer.snapshot().downSpeedBps).toBeGreaterThan(0);
    // And pausing it starts the moved one next
    peer.pause(a);
    await until(peer, a, TransferState.Paused);
    await until(peer, c, TransferState.Connecting, TransferState.Downloading);
    expect(stateOf(peer, a).state).toBe(TransferState.Paused);
    // When the paused one resumes and the cancelled one is retried
    peer.resume(a);
    peer.retry(b);
    // Then all three complete, one at a time, with the right bytes
    for (const id of [c, a, b]) await until(peer, id, TransferState.Done);
    for (const file of [one, two, three]) {
      expect(
        await sha256OfFile(path.join(network.fetcher.downloadDir, file.name)),
      ).toBe(file.sha256);
    }
  });

  it('continues an unfinished download after a restart', async () => {
    const four = network.file(3);
    // Given a download that is part-way through
    const id = await downloadPartWay(four);
    // When the peer stops and starts again from the same home
    await network.fetcher.peer.stop();
    await network.restartFetcher();
    // Then the queue resumes it by itself and it completes
    const done = await until(network.fetcher.peer, id, TransferState.Done);
    expect(done.bytesDone).toBe(SIZE);
    expect(
      await sha256OfFile(path.join(network.fetcher.downloadDir, four.name)),
    ).toBe(four.sha256);
  });

  it('cancelling a download paused before a restart deletes its .part and record', async () => {
    const five = network.file(4);
    // Given a download paused part-way, and the peer restarted
    const id = await downloadPartWay(five);
    network.fetcher.peer.pause(id);
    await until(network.fetcher.peer, id, TransferState.Paused);
    // (a paused download keeps its lock: no other download may take it)
    expect(await partFiles()).toEqual([
      'five.bin.part',
      'five.bin.part.ferry',
      'five.bin.part.ferry.lock',
    ]);
    await network.fetcher.peer.stop();
    expect(await partFiles()).toEqual(['five.bin.part', 'five.bin.part.ferry']);
    await network.restartFetcher();
    expect(stateOf(network.fetcher.peer, id).state).toBe(TransferState.Paused);
    // When it is cancelled
    network.fetcher.peer.cancel(id);
    // Then its partial data and record are gone
    await until(network.fetcher.peer, id, TransferState.Cancelled);
    await waitFor(
      async () => ((await partFiles()).length === 0 ? true : undefined),
      'the .part file and its record to be deleted',
    );
  });

  it('clears done, cancelled and failed downloads, also after a restart', async () => {
    // Given finished and cancelled downloads in the list
    const before = network.fetcher.peer.snapshot().transfers;
    const finished = [TransferState.Done, TransferState.Cancelled];
    expect(before.some((t) => t.state === TransferState.Done)).toBe(true);
    expect(before.some((t) => t.state === TransferState.Cancelled)).toBe(true);
    // And one still waiting
    const waiting = network.fetcher.peer.download(network.file(0));
    network.fetcher.peer.pause(waiting);
    await until(network.fetcher.peer, waiting, TransferState.Paused);
    // When they are cleared
    network.fetcher.peer.clearFinished();
    // Then only the paused one stays, and stays so after a restart
    const ids = () =>
      network.fetcher.peer
        .snapshot()
        .transfers.filter((t) => t.direction === 'down')
        .map((t) => t.id);
    expect(ids()).toEqual([waiting]);
    await network.fetcher.peer.stop();
    await network.restartFetcher();
    expect(ids()).toEqual([waiting]);
    expect(
      network.fetcher.peer
        .snapshot()
        .transfers.some((t) => finished.includes(t.state)),
    ).toBe(false);
  });
});

async function partFiles(): Promise<string[]> {
  const names = await readdir(network.fetcher.downloadDir);
  return names.filter((name) => name.includes('.part')).sort();
}

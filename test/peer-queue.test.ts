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
import {
  restartTestPeer,
  startTestPeer,
  type TestPeer,
} from './helpers/peer-network.js';
import { TempDirs, waitFor, writeRandomFile } from './helpers/peer-temp.js';

const temp = new TempDirs();
/** The source serves at most this fast, so downloads last a while. */
const UPLOAD_RATE = 1_500_000;
const SIZE = 3 * 1024 * 1024;
let directory: TestDirectory;
let source: TestPeer;
let fetcher: TestPeer;
const files: { sha256: string; name: string; size: number }[] = [];

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

async function hashOf(file: string): Promise<string> {
  return createHash('sha256')
    .update(await readFile(file))
    .digest('hex');
}

beforeAll(async () => {
  directory = await startTestDirectory(await temp.make('ferry-dir-'));
  source = await startTestPeer(temp, 'source', directory.url, {
    uploadRateBps: UPLOAD_RATE,
  });
  for (const name of [
    'one.bin',
    'two.bin',
    'three.bin',
    'four.bin',
    'five.bin',
  ]) {
    const sha256 = await writeRandomFile(
      path.join(source.shareDir, name),
      SIZE,
    );
    files.push({ sha256, name, size: SIZE });
  }
  await source.peer.rescan();
  fetcher = await startTestPeer(temp, 'fetcher', directory.url, {
    maxActiveDownloads: 1,
  });
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

describe('the transfer queue', () => {
  it('runs one download at a time, in queue order, with pause, resume, cancel, retry and reorder', async () => {
    const [one, two, three] = files as [
      (typeof files)[0],
      (typeof files)[0],
      (typeof files)[0],
    ];
    const { peer } = fetcher;
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
      expect(await hashOf(path.join(fetcher.downloadDir, file.name))).toBe(
        file.sha256,
      );
    }
  });

  it('continues an unfinished download after a restart', async () => {
    const four = files[3];
    if (four === undefined) throw new Error('missing file');
    // Given a download that is part-way through
    const id = fetcher.peer.download(four);
    await waitFor(() => {
      const t = stateOf(fetcher.peer, id);
      return t.bytesDone > 0 && t.bytesDone < SIZE ? true : undefined;
    }, 'the download to be under way');
    // When the peer stops and starts again from the same home
    await fetcher.peer.stop();
    fetcher = await restartTestPeer(fetcher, { maxActiveDownloads: 1 });
    // Then the queue resumes it by itself and it completes
    const done = await until(fetcher.peer, id, TransferState.Done);
    expect(done.bytesDone).toBe(SIZE);
    expect(await hashOf(path.join(fetcher.downloadDir, four.name))).toBe(
      four.sha256,
    );
  });

  it('cancelling a download paused before a restart deletes its .part and record', async () => {
    const five = fileAt(4);
    // Given a download paused part-way, and the peer restarted
    const id = fetcher.peer.download(five);
    await waitFor(() => {
      const t = stateOf(fetcher.peer, id);
      return t.bytesDone > 0 && t.bytesDone < SIZE ? true : undefined;
    }, 'the download to be under way');
    fetcher.peer.pause(id);
    await until(fetcher.peer, id, TransferState.Paused);
    // (a paused download keeps its lock: no other download may take it)
    expect(await partFiles()).toEqual([
      'five.bin.part',
      'five.bin.part.ferry',
      'five.bin.part.ferry.lock',
    ]);
    await fetcher.peer.stop();
    expect(await partFiles()).toEqual(['five.bin.part', 'five.bin.part.ferry']);
    fetcher = await restartTestPeer(fetcher, { maxActiveDownloads: 1 });
    expect(stateOf(fetcher.peer, id).state).toBe(TransferState.Paused);
    // When it is cancelled
    fetcher.peer.cancel(id);
    // Then its partial data and record are gone
    await until(fetcher.peer, id, TransferState.Cancelled);
    await waitFor(
      async () => ((await partFiles()).length === 0 ? true : undefined),
      'the .part file and its record to be deleted',
    );
  });

  it('clears done, cancelled and failed downloads, also after a restart', async () => {
    // Given finished and cancelled downloads in the list
    const before = fetcher.peer.snapshot().transfers;
    const finished = [TransferState.Done, TransferState.Cancelled];
    expect(before.some((t) => t.state === TransferState.Done)).toBe(true);
    expect(before.some((t) => t.state === TransferState.Cancelled)).toBe(true);
    // And one still waiting
    const waiting = fetcher.peer.download(fileAt(0));
    fetcher.peer.pause(waiting);
    await until(fetcher.peer, waiting, TransferState.Paused);
    // When they are cleared
    fetcher.peer.clearFinished();
    // Then only the paused one stays, and stays so after a restart
    const ids = () =>
      fetcher.peer
        .snapshot()
        .transfers.filter((t) => t.direction === 'down')
        .map((t) => t.id);
    expect(ids()).toEqual([waiting]);
    await fetcher.peer.stop();
    fetcher = await restartTestPeer(fetcher, { maxActiveDownloads: 1 });
    expect(ids()).toEqual([waiting]);
    expect(
      fetcher.peer.snapshot().transfers.some((t) => finished.includes(t.state)),
    ).toBe(false);
  });
});

async function partFiles(): Promise<string[]> {
  const names = await readdir(fetcher.downloadDir);
  return names.filter((name) => name.includes('.part')).sort();
}

function fileAt(index: number): { sha256: string; name: string; size: number } {
  const file = files[index];
  if (file === undefined) throw new Error(`missing file ${index}`);
  return file;
}

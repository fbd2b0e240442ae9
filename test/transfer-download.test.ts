import { existsSync } from 'node:fs';
import { readdir, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import {
  download,
  PeerErrorCode,
  PIECE_SIZE,
  TransferEvent,
  TransferState,
  type PeerError,
  type TransferState as State,
} from '@ferry/peer-core';
import { afterEach, describe, expect, it } from 'vitest';
import {
  sha256OfFile,
  startSharingPeer,
  TempDirs,
  type SharingPeer,
  shareRandomFiles,
} from './helpers/transfer-fixtures.js';

const temp = new TempDirs();
const peers: SharingPeer[] = [];

afterEach(async () => {
  await Promise.all(peers.splice(0).map((peer) => peer.close()));
  await temp.cleanup();
});

function sharePeer(
  files: Record<string, number>,
  rate?: number,
): Promise<SharingPeer> {
  return shareRandomFiles(temp, peers, files, { uploadRateBps: rate });
}

function sourceOf(peer: SharingPeer, label?: string) {
  return { host: '127.0.0.1', port: peer.server.port, label };
}

describe('download from one source', () => {
  it.each([
    ['empty', 0],
    ['one byte', 1],
    ['one piece', PIECE_SIZE],
    ['one piece and one byte', PIECE_SIZE + 1],
    ['50 MiB', 50 * PIECE_SIZE],
  ])('fetches a %s file verified, under its name', async (_label, size) => {
    // Given a peer sharing a file of random bytes
    const peer = await sharePeer({ 'file.bin': size });
    const entry = peer.entry('file.bin');
    const dir = await temp.make();
    // When we download it from that peer
    const transfer = download({
      sha256: entry.sha256,
      sources: [sourceOf(peer)],
      dir,
      name: entry.name,
      size: entry.size,
      piecesRoot: entry.piecesRoot,
    });
    const path = await transfer.done;
    // Then the file has the announced content, and no partial file is left
    expect(path).toBe(join(dir, 'file.bin'));
    expect(await sha256OfFile(path)).toBe(entry.sha256);
    expect(await readdir(dir)).toEqual(['file.bin']);
    expect(transfer.progress()).toMatchObject({
      state: TransferState.Done,
      bytesDone: size,
      size,
      path,
    });
  });

  it('reports states in order and progress up to the full size', async () => {
    // Given a 6 MiB file on a peer
    const peer = await sharePeer({ 'song.flac': 6 * PIECE_SIZE });
    const entry = peer.entry('song.flac');
    // When we download it while listening to its events
    const transfer = download({
      sha256: entry.sha256,
      sources: [sourceOf(peer, 'alice')],
      dir: await temp.make(),
      name: entry.name,
      tuning: { progressIntervalMs: 20 },
    });
    const states: State[] = [];
    const done: number[] = [];
    transfer.on(TransferEvent.State, (state) => states.push(state));
    transfer.on(TransferEvent.Progress, (p) => done.push(p.bytesDone));
    await transfer.done;
    // Then it went connecting → downloading → verifying → done
    expect(states).toEqual([
      TransferState.Downloading,
      TransferState.Verifying,
      TransferState.Done,
    ]);
    expect(done.at(-1)).toBe(entry.size);
    expect([...done].sort((a, b) => a - b)).toEqual(done);
    // And the source's statistics name it and count its bytes
    expect(transfer.progress().sources).toEqual([
      expect.objectContaining({ label: 'alice', bytes: entry.size }),
    ]);
  });

  it('never overwrites an existing file: it picks "name (1).ext"', async () => {
    // Given a download folder that already has a file of that name
    const peer = await sharePeer({ 'report.pdf': 3000 });
    const entry = peer.entry('report.pdf');
    const dir = await temp.make();
    await writeFile(join(dir, 'report.pdf'), 'mine');
    // When the same name is downloaded
    const path = await download({
      sha256: entry.sha256,
      sources: [sourceOf(peer)],
      dir,
      name: 'report.pdf',
    }).done;
    // Then the old file is untouched and the new one gets a number
    expect(basename(path)).toBe('report (1).pdf');
    expect(await sha256OfFile(path)).toBe(entry.sha256);
    expect(await sha256OfFile(join(dir, 'report.pdf'))).not.toBe(entry.sha256);
  });

  it.each([
    ['ferry-linux-x64.tar.gz', 'ferry-linux-x64 (1).tar.gz'],
    ['logs.TAR.ZST', 'logs (1).TAR.ZST'],
    ['.tar.gz', '.tar (1).gz'],
    ['notes.txt.gz', 'notes.txt (1).gz'],
  ])(
    'numbers %j as %j, keeping a compressed tar extension whole',
    async (name, numbered) => {
      // Given a download folder that already has a file of that name
      const peer = await sharePeer({ 'archive.bin': 3000 });
      const entry = peer.entry('archive.bin');
      const dir = await temp.make();
      await writeFile(join(dir, name), 'mine');
      // When the same name is downloaded
      const path = await download({
        sha256: entry.sha256,
        sources: [sourceOf(peer)],
        dir,
        name,
      }).done;
      // Then the number goes before the whole extension
      expect(basename(path)).toBe(numbered);
      expect(await sha256OfFile(path)).toBe(entry.sha256);
    },
  );

  it('keeps a hostile name inside the download folder', async () => {
    // Given a name from the network that tries to climb out
    const peer = await sharePeer({ 'x.bin': 10 });
    const entry = peer.entry('x.bin');
    const dir = await temp.make();
    // When it is downloaded under that name
    const path = await download({
      sha256: entry.sha256,
      sources: [sourceOf(peer)],
      dir,
      name: '../../etc/passwd',
    }).done;
    // Then the file lands in the folder with a harmless name
    expect(path).toBe(join(dir, '.._.._etc_passwd'));
  });

  it('refuses a manifest that does not match the announced pieces root', async () => {
    // Given a peer and a pieces root that belongs to another file
    const peer = await sharePeer({ 'a.bin': 5000, 'b.bin': 5000 });
    const a = peer.entry('a.bin');
    // When we download a with b's pieces root
    const transfer = download({
      sha256: a.sha256,
      sources: [sourceOf(peer)],
      dir: await temp.make(),
      name: 'a.bin',
      piecesRoot: peer.entry('b.bin').piecesRoot,
    });
    // Then it fails with a reason naming the source and the mismatch
    const error = (await transfer.done.catch((e: unknown) => e)) as PeerError;
    expect(error.code).toBe(PeerErrorCode.NoSources);
    expect(error.message).toMatch(/does not match the announced/);
    expect(transfer.state).toBe(TransferState.Failed);
  });

  it('fails clearly when the only source does not have the file', async () => {
    // Given a peer that does not share the wanted hash
    const peer = await sharePeer({ 'a.bin': 10 });
    // When we ask it for an unknown file
    const transfer = download({
      sha256: 'ab'.repeat(32),
      sources: [sourceOf(peer, 'alice')],
      dir: await temp.make(),
      name: 'missing.bin',
    });
    // Then the download fails with NO_SOURCES naming the peer's answer
    const error = (await transfer.done.catch((e: unknown) => e)) as PeerError;
    expect(error.code).toBe(PeerErrorCode.NoSources);
    expect(error.message).toMatch(/alice: .*NOT_FOUND/);
  });
});

describe('download from several sources', () => {
  it.each([
    ['around the page cache (O_DIRECT)', true],
    ['through the page cache', false],
  ])(
    'fetches from three sources in parallel, written %s, and verifies the result',
    async (_how, directIo) => {
      // Given three peers sharing the same 24 MiB file, each capped at 20 MB/s
      const first = await sharePeer({ 'movie.mkv': 24 * PIECE_SIZE }, 20e6);
      const second = await startCopy(first, 'movie.mkv', 20e6);
      const third = await startCopy(first, 'movie.mkv', 20e6);
      const entry = first.entry('movie.mkv');
      // When we download it from all three
      const transfer = download({
        sha256: entry.sha256,
        sources: [first, second, third].map((peer, i) =>
          sourceOf(peer, `p${i}`),
        ),
        dir: await temp.make(),
        name: entry.name,
        piecesRoot: entry.piecesRoot,
        tuning: { directIo },
      });
      const path = await transfer.done;
      // Then the file is right and every source delivered part of it
      expect(await sha256OfFile(path)).toBe(entry.sha256);
      const sources = transfer.progress().sources;
      expect(sources).toHaveLength(3);
      for (const source of sources) expect(source.bytes).toBeGreaterThan(0);
      expect(sources.reduce((sum, s) => sum + s.bytes, 0)).toBe(entry.size);
    },
  );

  it('pauses, resumes and completes; cancel deletes the partial file', async () => {
    // Given a slow source (4 MB/s) and a 12 MiB file
    const peer = await sharePeer({ 'big.iso': 12 * PIECE_SIZE }, 4e6);
    const entry = peer.entry('big.iso');
    const dir = await temp.make();
    const options = {
      sha256: entry.sha256,
      sources: [sourceOf(peer)],
      dir,
      name: entry.name,
    };
    const transfer = download(options);
    // When it is paused once some bytes arrived, then resumed
    await waitFor(() => transfer.progress().bytesDone > 0);
    transfer.pause();
    expect(transfer.state).toBe(TransferState.Paused);
    transfer.resume();
    // Then it completes with the right content
    expect(await sha256OfFile(await transfer.done)).toBe(entry.sha256);
    // And a second download of it, cancelled midway, leaves nothing behind
    const again = download({ ...options, dir: await temp.make() });
    await waitFor(() => again.progress().bytesDone > 0);
    await again.cancel();
    await expect(again.done).rejects.toMatchObject({
      code: PeerErrorCode.Cancelled,
    });
    expect(again.state).toBe(TransferState.Cancelled);
    expect(existsSync(join(options.dir, 'big.iso.part'))).toBe(false);
  });

  it('stop() keeps the verified pieces for a later resume', async () => {
    // Given a download from a slow source (4 MB/s) of a 12 MiB file
    const peer = await sharePeer({ 'big.iso': 12 * PIECE_SIZE }, 4e6);
    const entry = peer.entry('big.iso');
    const options = {
      sha256: entry.sha256,
      sources: [sourceOf(peer)],
      dir: await temp.make(),
      name: entry.name,
    };
    const first = download(options);
    // When it is stopped once some pieces are recorded
    await waitFor(() => first.progress().bytesRecorded > 0);
    await first.stop();
    const recorded = first.progress().bytesRecorded;
    await expect(first.done).rejects.toMatchObject({
      code: PeerErrorCode.Cancelled,
    });
    expect(existsSync(join(options.dir, 'big.iso.part'))).toBe(true);
    // Then a new download of it fetches only the rest
    const second = download(options);
    expect(await sha256OfFile(await second.done)).toBe(entry.sha256);
    expect(second.progress().bytesFetched).toBeLessThanOrEqual(
      entry.size - recorded,
    );
  });
});

/** A second peer sharing a copy of `name` from `peer`. */
async function startCopy(
  peer: SharingPeer,
  name: string,
  rate: number,
): Promise<SharingPeer> {
  const root = await temp.make();
  const { copyFile } = await import('node:fs/promises');
  await copyFile(join(peer.root, name), join(root, name));
  const copy = await startSharingPeer({
    root,
    stateDir: await temp.make(),
    uploadRateBps: rate,
  });
  peers.push(copy);
  return copy;
}

async function waitFor(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 10));
}

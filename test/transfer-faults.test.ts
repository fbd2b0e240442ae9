import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  download,
  PeerErrorCode,
  PIECE_SIZE,
  SourceState,
  TransferState,
  type PeerError,
} from '@ferry/peer-core';
import { afterEach, describe, expect, it } from 'vitest';
import {
  killAll,
  spawnChild,
  type Child,
} from './helpers/transfer-children.js';
import { startFakePeer, type FakePeer } from './helpers/transfer-fake-peers.js';
import {
  sha256OfFile,
  TempDirs,
  type SharingPeer,
  shareRandomFiles,
} from './helpers/transfer-fixtures.js';

const temp = new TempDirs();
const peers: SharingPeer[] = [];
const fakes: FakePeer[] = [];
const children: Child[] = [];

afterEach(async () => {
  await killAll(children);
  for (const fake of fakes.splice(0)) fake.close();
  await Promise.all(peers.splice(0).map((peer) => peer.close()));
  await temp.cleanup();
});

function sharePeer(size: number, rate?: number): Promise<SharingPeer> {
  return shareRandomFiles(
    temp,
    peers,
    { 'data.bin': size },
    { uploadRateBps: rate },
  );
}

const local = (port: number, label: string) => ({
  host: '127.0.0.1',
  port,
  label,
});

describe('downloads survive bad sources', () => {
  it('drops a source that sends corrupt data and finishes from a good one', async () => {
    // Given a good peer and a fake peer that sends wrong bytes
    const good = await sharePeer(8 * PIECE_SIZE, 10e6);
    const entry = good.entry('data.bin');
    const corrupt = await startFakePeer(good, 'corrupt');
    fakes.push(corrupt);
    // When we download from both, the corrupt one listed first
    const transfer = download({
      sha256: entry.sha256,
      sources: [local(corrupt.port, 'liar'), local(good.server.port, 'good')],
      dir: await temp.make(),
      name: 'data.bin',
      piecesRoot: entry.piecesRoot,
    });
    const path = await transfer.done;
    // Then the file is right, the liar was asked and dropped, and
    // every verified byte came from the good source
    expect(await sha256OfFile(path)).toBe(entry.sha256);
    expect(corrupt.downloads).toBeGreaterThan(0);
    const [liar, honest] = transfer.progress().sources;
    expect(liar).toMatchObject({ state: SourceState.Dropped, bytes: 0 });
    expect(liar?.error).toMatch(/corrupt piece/);
    expect(honest?.bytes).toBe(entry.size);
  });

  it('fails with NO_SOURCES and a clear reason when every source is corrupt', async () => {
    // Given only a corrupt source
    const good = await sharePeer(2 * PIECE_SIZE);
    const entry = good.entry('data.bin');
    const corrupt = await startFakePeer(good, 'corrupt');
    fakes.push(corrupt);
    const dir = await temp.make();
    // When we download from it alone
    const transfer = download({
      sha256: entry.sha256,
      sources: [local(corrupt.port, 'liar')],
      dir,
      name: 'data.bin',
    });
    // Then it fails, naming the source and what it did, and the file
    // never appears under its final name
    const error = (await transfer.done.catch((e: unknown) => e)) as PeerError;
    expect(error.code).toBe(PeerErrorCode.NoSources);
    expect(error.message).toMatch(/liar: .*corrupt piece/);
    expect(transfer.state).toBe(TransferState.Failed);
    expect(existsSync(join(dir, 'data.bin'))).toBe(false);
  });

  it('refuses a source whose manifest does not add up', async () => {
    // Given a fake peer whose manifest's piece hashes do not match its root
    const good = await sharePeer(3 * PIECE_SIZE);
    const entry = good.entry('data.bin');
    const liar = await startFakePeer(good, 'bad-manifest');
    fakes.push(liar);
    // When we download from it alone
    const transfer = download({
      sha256: entry.sha256,
      sources: [local(liar.port, 'liar')],
      dir: await temp.make(),
      name: 'data.bin',
    });
    // Then it fails before any download call, saying why
    const error = (await transfer.done.catch((e: unknown) => e)) as PeerError;
    expect(error.code).toBe(PeerErrorCode.NoSources);
    expect(error.message).toMatch(/liar: bad manifest .*pieces root/);
    expect(liar.downloads).toBe(0);
  });

  it('gives up on a stalling source and completes from another', async () => {
    // Given a peer that sends one chunk and then nothing, and a good peer
    const good = await sharePeer(6 * PIECE_SIZE, 10e6);
    const entry = good.entry('data.bin');
    const stalling = await startFakePeer(good, 'stall');
    fakes.push(stalling);
    // When we download with a short stall timeout
    const transfer = download({
      sha256: entry.sha256,
      sources: [
        local(stalling.port, 'frozen'),
        local(good.server.port, 'good'),
      ],
      dir: await temp.make(),
      name: 'data.bin',
      tuning: { stallTimeoutMs: 300 },
    });
    const path = await transfer.done;
    // Then the file is right and the stalling source is marked as failed
    expect(await sha256OfFile(path)).toBe(entry.sha256);
    const [frozen] = transfer.progress().sources;
    expect(frozen?.error).toMatch(/stalled/);
    expect(frozen?.bytes).toBe(0);
  });

  it('asks for fresh sources when every source failed', async () => {
    // Given a first source that is down and a good one known only later
    const good = await sharePeer(3 * PIECE_SIZE);
    const entry = good.entry('data.bin');
    let refreshed = 0;
    // When the download starts with a dead address and can refresh
    const transfer = download({
      sha256: entry.sha256,
      sources: [local(1, 'dead')],
      dir: await temp.make(),
      name: 'data.bin',
      tuning: { maxSourceFailures: 1 },
      refreshSources: () => {
        refreshed += 1;
        return Promise.resolve([local(good.server.port, 'good')]);
      },
    });
    // Then it completes from the refreshed source
    expect(await sha256OfFile(await transfer.done)).toBe(entry.sha256);
    expect(refreshed).toBe(1);
  });

  it('completes when a source process is killed mid-transfer', async () => {
    // Given two sources of one 24 MiB file, one in a child process, both
    // capped at 4 MB/s
    const good = await sharePeer(24 * PIECE_SIZE, 4e6);
    const entry = good.entry('data.bin');
    const child = spawnChild(
      'transfer-serve-child',
      [good.root, await temp.make(), '4000000'],
      children,
    );
    const port = Number((await child.waitForLine(/^READY (\d+)$/))[1]);
    const transfer = download({
      sha256: entry.sha256,
      sources: [local(port, 'doomed'), local(good.server.port, 'good')],
      dir: await temp.make(),
      name: 'data.bin',
    });
    // When the child source is killed once it has delivered something
    await waitFor(() => (transfer.progress().sources[0]?.bytes ?? 0) > 0);
    await child.kill();
    // Then the download still completes, verified, from the other source
    expect(await sha256OfFile(await transfer.done)).toBe(entry.sha256);
    const [doomed, survivor] = transfer.progress().sources;
    expect(doomed?.error).toBeDefined();
    expect((doomed?.bytes ?? 0) + (survivor?.bytes ?? 0)).toBe(entry.size);
  });

  it('resumes in a new process after the downloader was killed', async () => {
    // Given a 20 MiB file on a peer capped at 8 MB/s
    const good = await sharePeer(20 * PIECE_SIZE, 8e6);
    const entry = good.entry('data.bin');
    const dir = await temp.make();
    const options = {
      sha256: entry.sha256,
      sources: [local(good.server.port, 'good')],
      dir,
      name: 'data.bin',
      piecesRoot: entry.piecesRoot,
    };
    // When a downloader process is killed once a third is recorded
    const child = spawnChild(
      'transfer-download-child',
      [JSON.stringify(options)],
      children,
    );
    let recorded = 0;
    while (recorded < entry.size / 3) {
      recorded = Number((await child.waitForLine(/^RECORDED (\d+)$/))[1]);
    }
    await child.kill();
    expect(existsSync(join(dir, 'data.bin.part'))).toBe(true);
    // And the download is started again in this process (it waits for
    // the dead process's lock on data.bin.part to go stale)
    const transfer = download(options);
    const path = await transfer.done;
    // Then it fetched only what was missing and the file is right
    const { bytesFetched, bytesDone } = transfer.progress();
    expect(bytesDone).toBe(entry.size);
    expect(bytesFetched).toBeLessThanOrEqual(entry.size - recorded);
    expect(bytesFetched).toBeGreaterThan(0);
    expect(await sha256OfFile(path)).toBe(entry.sha256);
    expect(existsSync(join(dir, 'data.bin.part'))).toBe(false);
    expect(existsSync(join(dir, 'data.bin.part.ferry'))).toBe(false);
  });
});

async function waitFor(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 10));
}

import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import {
  download,
  PeerErrorCode,
  PIECE_SIZE,
  type PeerError,
} from '@ferry/peer-core';
import { afterEach, describe, expect, it } from 'vitest';
import {
  killAll,
  spawnChild,
  type Child,
} from './helpers/transfer-children.js';
import {
  sha256OfFile,
  shareRandomFiles,
  TempDirs,
  type SharingPeer,
} from './helpers/transfer-fixtures.js';

const temp = new TempDirs();
const peers: SharingPeer[] = [];
const children: Child[] = [];

afterEach(async () => {
  await killAll(children);
  await Promise.all(peers.splice(0).map((peer) => peer.close()));
  await temp.cleanup();
});

describe('one download per file and folder', () => {
  it('refuses a second download of a file another process is downloading into the same folder', async () => {
    // Given a 16 MiB file on a peer capped at 8 MB/s
    const peer = await shareRandomFiles(
      temp,
      peers,
      { 'data.bin': 16 * PIECE_SIZE },
      { uploadRateBps: 8e6 },
    );
    const entry = peer.entry('data.bin');
    const dir = await temp.make();
    const options = {
      sha256: entry.sha256,
      sources: [{ host: '127.0.0.1', port: peer.server.port, label: 'peer' }],
      dir,
      name: 'data.bin',
      piecesRoot: entry.piecesRoot,
    };
    // And a downloader process that has recorded its first pieces
    const first = spawnChild(
      'transfer-download-child',
      [JSON.stringify(options)],
      children,
    );
    await first.waitForLine(/^RECORDED [1-9]\d*$/);
    // When the same file is downloaded into the same folder here
    const second = download({ ...options, tuning: { partLockWaitMs: 500 } });
    // Then this one is refused and the first one finishes the file
    const error = (await second.done.catch((e: unknown) => e)) as PeerError;
    expect(error.code).toBe(PeerErrorCode.AlreadyDownloading);
    expect(error.message).toMatch(/data\.bin is already being downloaded/);
    const path = (await first.waitForLine(/^DONE (.+)$/))[1] ?? '';
    expect(path).toBe(join(dir, 'data.bin'));
    expect(await sha256OfFile(path)).toBe(entry.sha256);
    // And nothing else is left in the folder (no copy, no lock)
    expect(await readdir(dir)).toEqual(['data.bin']);
    expect(existsSync(join(dir, 'data.bin.part.ferry.lock'))).toBe(false);
  });
});

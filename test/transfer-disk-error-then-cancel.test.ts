import { readdir } from 'node:fs/promises';
import { PIECE_SIZE } from '@ferry/peer-core';
import { afterEach, describe, expect, it } from 'vitest';
import {
  killAll,
  runWithFileSizeLimit,
  spawnChild,
  type Child,
} from './helpers/transfer-children.js';
import {
  shareRandomFiles,
  startSharingPeer,
  TempDirs,
  type SharingPeer,
} from './helpers/transfer-fixtures.js';

const temp = new TempDirs();
const peers: SharingPeer[] = [];
const children: Child[] = [];

afterEach(async () => {
  await killAll(children);
  for (const peer of peers.splice(0)) await peer.close();
  await temp.cleanup();
});

describe('a cancel() after the disk refused a write', () => {
  it('leaves the download failed with the disk error, its .part kept', async () => {
    // Given a 16 MiB file shared by a fast source and by a slow one that
    // takes ages over its piece
    const fast = await shareRandomFiles(
      temp,
      peers,
      { 'big.bin': 16 * PIECE_SIZE },
      { uploadRateBps: 8e6 },
    );
    const slow = await startSharingPeer({
      root: fast.root,
      stateDir: await temp.make(),
      uploadRateBps: 1_000,
    });
    peers.push(slow);
    const entry = fast.entry('big.bin');
    const dir = await temp.make();
    const file = {
      sha256: entry.sha256,
      dir,
      name: 'big.bin',
      piecesRoot: entry.piecesRoot,
    };
    // And its first piece in the .part (which has the file's full size)
    const first = spawnChild(
      'transfer-download-child',
      [
        JSON.stringify({
          ...file,
          sources: [{ host: '127.0.0.1', port: fast.server.port }],
        }),
      ],
      children,
    );
    let recorded = 0;
    while (recorded < PIECE_SIZE) {
      recorded = Number((await first.waitForLine(/^RECORDED (\d+)$/))[1]);
    }
    await first.kill();
    // When it resumes from both, one piece a request, in a process that may
    // write only the first 4 MiB, and is cancelled once a write failed and
    // the fast source stopped for it, while the slow one still sends
    const out = await runWithFileSizeLimit(
      'transfer-cancel-after-disk-error-child',
      [
        JSON.stringify({
          ...file,
          sources: [
            { host: '127.0.0.1', port: fast.server.port, label: 'fast' },
            { host: '127.0.0.1', port: slow.server.port, label: 'slow' },
          ],
          tuning: {
            piecesPerRequest: 1,
            maxPiecesPerRequest: 1,
            stallTimeoutMs: 120_000,
            progressIntervalMs: 20,
          },
        }),
        'fast',
      ],
      4 * 1024,
    );
    // Then the disk error decides how it ends, not the later cancel
    expect(out).toMatch(/^FAILED IO cannot write the download: .*EFBIG/m);
    expect(out).toMatch(/^STATE failed$/m);
    // And its .part stays to resume
    expect((await readdir(dir)).sort()).toEqual([
      'big.bin.part',
      'big.bin.part.ferry',
    ]);
  });
});

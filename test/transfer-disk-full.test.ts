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

describe('a download whose disk refuses the bytes', () => {
  it('fails at once as an I/O error, not as the source’s fault', async () => {
    // Given a 12 MiB file, a quarter of it downloaded into its .part
    const peer = await shareRandomFiles(
      temp,
      peers,
      { 'big.bin': 12 * PIECE_SIZE },
      { uploadRateBps: 8e6 },
    );
    const entry = peer.entry('big.bin');
    const options = {
      sha256: entry.sha256,
      sources: [{ host: '127.0.0.1', port: peer.server.port }],
      dir: await temp.make(),
      name: 'big.bin',
      piecesRoot: entry.piecesRoot,
    };
    const first = spawnChild(
      'transfer-download-child',
      [JSON.stringify(options)],
      children,
    );
    let recorded = 0;
    while (recorded < 3 * PIECE_SIZE) {
      recorded = Number((await first.waitForLine(/^RECORDED (\d+)$/))[1]);
    }
    await first.kill();
    // When it resumes in a process that may write only its first 8 MiB
    const out = await runWithFileSizeLimit(
      'transfer-outcome-child',
      [JSON.stringify(options)],
      8 * 1024,
    );
    // Then it fails with the write error, and keeps its .part to resume
    expect(out).toMatch(/^FAILED IO cannot write the download: .*EFBIG/m);
    expect((await readdir(options.dir)).sort()).toEqual([
      'big.bin.part',
      'big.bin.part.ferry',
    ]);
  });
});

import { truncate } from 'node:fs/promises';
import { join } from 'node:path';
import { download, PeerErrorCode, PIECE_SIZE } from '@ferry/peer-core';
import { afterEach, describe, expect, it } from 'vitest';
import {
  sha256OfFile,
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

async function waitFor(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 10));
}

describe('resuming from a .part cut short', () => {
  it.each([
    ['emptied', 0],
    ['cut inside its second piece', PIECE_SIZE + PIECE_SIZE / 2],
  ])(
    'fetches again the recorded pieces a .part %s no longer holds',
    async (_label, keptBytes) => {
      // Given a download from a slow source (4 MB/s) of a 12 MiB file,
      // stopped once more than two pieces were recorded
      const peer = await shareRandomFiles(
        temp,
        peers,
        { 'd40.bin': 12 * PIECE_SIZE },
        { uploadRateBps: 4e6 },
      );
      const entry = peer.entry('d40.bin');
      const options = {
        sha256: entry.sha256,
        sources: [{ host: '127.0.0.1', port: peer.server.port }],
        dir: await temp.make(),
        name: entry.name,
      };
      const first = download(options);
      await waitFor(() => first.progress().bytesRecorded > 2 * PIECE_SIZE);
      await first.stop();
      await expect(first.done).rejects.toMatchObject({
        code: PeerErrorCode.Cancelled,
      });
      // When its .part is cut short and the download starts again
      await truncate(join(options.dir, 'd40.bin.part'), keptBytes);
      const second = download(options);
      // Then it completes with the right bytes, having fetched again every
      // piece the .part lost
      expect(await sha256OfFile(await second.done)).toBe(entry.sha256);
      const keptPieces = Math.floor(keptBytes / PIECE_SIZE);
      expect(second.progress().bytesFetched).toBeGreaterThanOrEqual(
        entry.size - keptPieces * PIECE_SIZE,
      );
    },
  );
});

import { PIECE_SIZE, UploadEvent, type UploadSnapshot } from '@ferry/peer-core';
import { afterEach, describe, expect, it } from 'vitest';
import {
  killAll,
  spawnChild,
  type Child,
} from './helpers/transfer-children.js';
import {
  TempDirs,
  type SharingPeer,
  shareRandomFiles,
} from './helpers/transfer-fixtures.js';

const temp = new TempDirs();
const children: Child[] = [];
const peers: SharingPeer[] = [];

afterEach(async () => {
  await killAll(children);
  await Promise.all(peers.splice(0).map((peer) => peer.close()));
  await temp.cleanup();
});

describe('server keepalive', () => {
  it(
    'drops a frozen downloader and frees its upload slot',
    { timeout: 20_000 },
    async () => {
      // Given a server pinging every second, and a downloader process that
      // started a stream of a big file and is then frozen (SIGSTOP)
      const peer = await shareRandomFiles(
        temp,
        peers,
        { 'big.bin': 64 * PIECE_SIZE },
        { keepaliveMs: 1_000 },
      );
      const file = peer.entry('big.bin');
      const child = spawnChild(
        'transfer-frozen-child',
        [String(peer.server.port), file.sha256, String(file.size)],
        children,
      );
      await child.waitForLine(/^STARTED$/);
      expect(peer.server.uploads.activeCount).toBe(1);
      const finished = new Promise<UploadSnapshot>((resolve) =>
        peer.server.uploads.once(UploadEvent.Finished, resolve),
      );
      child.process.kill('SIGSTOP');
      // Then the unanswered pings end its connection and free the slot
      const upload = await finished;
      expect(upload.bytesSent).toBeLessThan(file.size);
      expect(peer.server.uploads.activeCount).toBe(0);
    },
  );
});

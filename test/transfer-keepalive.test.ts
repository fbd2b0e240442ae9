import { join } from 'node:path';
import { PIECE_SIZE, UploadEvent, type UploadSnapshot } from '@ferry/peer-core';
import { afterEach, describe, expect, it } from 'vitest';
import { spawnChild, type Child } from './helpers/transfer-children.js';
import {
  startSharingPeer,
  TempDirs,
  writeRandomFile,
  type SharingPeer,
} from './helpers/transfer-fixtures.js';

const temp = new TempDirs();
const children: Child[] = [];
const peers: SharingPeer[] = [];

afterEach(async () => {
  for (const child of children.splice(0)) {
    child.process.kill('SIGCONT');
    await child.kill();
  }
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
      const root = await temp.make();
      await writeRandomFile(join(root, 'big.bin'), 64 * PIECE_SIZE);
      const peer = await startSharingPeer({
        root,
        stateDir: await temp.make(),
        keepaliveMs: 1_000,
      });
      peers.push(peer);
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

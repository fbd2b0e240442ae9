import { constants } from 'node:http2';
import {
  PeerConnection,
  PIECE_SIZE,
  UploadEvent,
  type UploadSnapshot,
} from '@ferry/peer-core';
import { afterEach, describe, expect, it } from 'vitest';
import {
  pausedDownload,
  rawHttp2Session,
} from './helpers/raw-http2-download.js';
import {
  TempDirs,
  type SharingPeer,
  shareRandomFiles,
} from './helpers/transfer-fixtures.js';

const temp = new TempDirs();
const peers: SharingPeer[] = [];
const closers: (() => void)[] = [];

afterEach(async () => {
  for (const close of closers.splice(0)) close();
  await Promise.all(peers.splice(0).map((peer) => peer.close()));
  await temp.cleanup();
});

function uploadsFinished(
  peer: SharingPeer,
  count: number,
): Promise<UploadSnapshot[]> {
  return new Promise((resolve) => {
    const finished: UploadSnapshot[] = [];
    peer.server.uploads.on(UploadEvent.Finished, (upload) => {
      finished.push(upload);
      if (finished.length === count) resolve(finished);
    });
  });
}

describe('a downloader that never reads', () => {
  it(
    'has its streams reset after the stall timeout, freeing the upload slots it held',
    { timeout: 30_000 },
    async () => {
      // Given a peer with 4 upload slots capped at 3 MB/s, resetting
      // uploads whose downloader takes no data for 1 s
      const peer = await shareRandomFiles(
        temp,
        peers,
        { 'big.bin': 30 * PIECE_SIZE },
        { uploadRateBps: 3e6, uploadStallMs: 1_000 },
      );
      const file = peer.entry('big.bin');
      // When one raw HTTP/2 connection opens 3 Download streams of the
      // whole file (the most one address may hold) and never reads any
      const session = rawHttp2Session(peer.server.port);
      closers.push(() => session.destroy());
      const finished = uploadsFinished(peer, 3);
      const streams = [0, 1, 2].map(() =>
        pausedDownload(session, {
          sha256: file.sha256,
          offset: 0,
          length: file.size,
        }),
      );
      const resets = streams.map(
        (stream) =>
          new Promise<number>((resolve) =>
            stream.on('close', () => resolve(stream.rstCode ?? -1)),
          ),
      );
      // Then every upload ends as stalled, short of the file
      const uploads = await finished;
      for (const upload of uploads) {
        expect(upload.error).toBe('the downloader took no data for 1 s');
        expect(upload.bytesSent).toBeLessThan(file.size);
      }
      expect(peer.server.uploads.activeCount).toBe(0);
      // And each stream was reset (the data already queued is dropped)
      expect(await Promise.all(resets)).toEqual(
        Array(3).fill(constants.NGHTTP2_CANCEL),
      );
      // And the connection still works, while another downloader is served
      expect(session.closed).toBe(false);
      const other = new PeerConnection({
        host: '127.0.0.1',
        port: peer.server.port,
      });
      closers.push(() => other.close());
      let received = 0;
      for await (const chunk of other.download(file.sha256, 0, PIECE_SIZE, {
        deadlineMs: 10_000,
      })) {
        received += chunk.length;
      }
      expect(received).toBe(PIECE_SIZE);
    },
  );
});

import { rm, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import {
  loadPeerProto,
  PeerConnection,
  PIECE_SIZE,
  UploadEvent,
  type UploadSnapshot,
} from '@ferry/peer-core';
import { afterEach, describe, expect, it } from 'vitest';
import {
  TempDirs,
  type SharingPeer,
  shareRandomFiles,
} from './helpers/transfer-fixtures.js';

const temp = new TempDirs();
const peers: SharingPeer[] = [];
const clients: grpc.Client[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  await Promise.all(peers.splice(0).map((peer) => peer.close()));
  await temp.cleanup();
});

function sharePeer(
  files: Record<string, number>,
  options: { uploadSlots?: number; uploadRateBps?: number } = {},
): Promise<SharingPeer> {
  return shareRandomFiles(temp, peers, files, options);
}

function rawClient(peer: SharingPeer) {
  const proto = loadPeerProto();
  const client = new proto.ferry.v1.Peer(
    `127.0.0.1:${peer.server.port}`,
    grpc.credentials.createInsecure(),
  );
  clients.push(client);
  return client;
}

/** The status a `Download` call ends with, and the bytes it got. */
function downloadStatus(
  client: ReturnType<typeof rawClient>,
  request: { sha256: string; offset: string; length: string },
): Promise<{ code: grpc.status; bytes: number }> {
  return new Promise((resolve) => {
    let bytes = 0;
    const call = client.Download(request, { deadline: Date.now() + 10_000 });
    call.on('data', (chunk: { data: Buffer }) => (bytes += chunk.data.length));
    call.on('error', (error: grpc.ServiceError) =>
      resolve({ code: error.code, bytes }),
    );
    call.on('end', () => resolve({ code: grpc.status.OK, bytes }));
  });
}

function manifestStatus(
  client: ReturnType<typeof rawClient>,
  sha256: string,
): Promise<grpc.status> {
  return new Promise((resolve) => {
    client.GetManifest({ sha256 }, (error) =>
      resolve(error ? error.code : grpc.status.OK),
    );
  });
}

describe('the peer server', () => {
  it('answers GetInfo, Browse and GetManifest from the share', async () => {
    // Given a peer sharing two files
    const peer = await sharePeer({ 'a.txt': 10, 'sub/b.bin': PIECE_SIZE + 5 });
    const connection = new PeerConnection({
      host: '127.0.0.1',
      port: peer.server.port,
    });
    try {
      // When a client asks who it is, what it shares, and a manifest
      const info = await connection.getInfo();
      const browsed = [];
      for await (const entry of connection.browse()) browsed.push(entry);
      const b = peer.entry('b.bin');
      const manifest = await connection.getManifest(b.sha256);
      // Then the answers match the share
      expect(info).toMatchObject({
        username: 'alice',
        fileCount: 2,
        totalBytes: PIECE_SIZE + 15,
        uploadSlots: 4,
      });
      expect(browsed.map((entry) => entry.path).sort()).toEqual([
        'a.txt',
        'sub/b.bin',
      ]);
      expect(manifest).toMatchObject({
        sha256: b.sha256,
        size: b.size,
        pieceSize: PIECE_SIZE,
        piecesRoot: b.piecesRoot,
      });
      expect(manifest.pieceHashes).toHaveLength(2);
    } finally {
      connection.close();
    }
  });

  it.each([
    ['a short hash', 'abc', '0', '1', grpc.status.INVALID_ARGUMENT],
    [
      'an uppercase hash',
      'AB'.repeat(32),
      '0',
      '1',
      grpc.status.INVALID_ARGUMENT,
    ],
    [
      'a path for a hash',
      '../../../../etc/passwd',
      '0',
      '1',
      grpc.status.INVALID_ARGUMENT,
    ],
    ['an unknown hash', 'cd'.repeat(32), '0', '1', grpc.status.NOT_FOUND],
    ['an offset past the end', 'FILE', '1001', '0', grpc.status.OUT_OF_RANGE],
    ['a length past the end', 'FILE', '500', '501', grpc.status.OUT_OF_RANGE],
    [
      'a huge length',
      'FILE',
      '0',
      '18446744073709551615',
      grpc.status.OUT_OF_RANGE,
    ],
  ])(
    'refuses %s with the right status and keeps serving',
    async (_label, sha, offset, length, code) => {
      // Given a peer sharing a 1000-byte file
      const peer = await sharePeer({ 'f.bin': 1000 });
      const file = peer.entry('f.bin');
      const client = rawClient(peer);
      // When a hostile request arrives
      const sha256 = sha === 'FILE' ? file.sha256 : sha;
      const refused = await downloadStatus(client, { sha256, offset, length });
      // Then it gets the status and no byte
      expect(refused).toEqual({ code, bytes: 0 });
      // And the server still serves a good request afterwards
      const good = await downloadStatus(client, {
        sha256: file.sha256,
        offset: '10',
        length: '990',
      });
      expect(good).toEqual({ code: grpc.status.OK, bytes: 990 });
    },
  );

  it('validates GetManifest requests too', async () => {
    const peer = await sharePeer({ 'f.bin': 10 });
    const client = rawClient(peer);
    expect(await manifestStatus(client, 'not-a-hash')).toBe(
      grpc.status.INVALID_ARGUMENT,
    );
    expect(await manifestStatus(client, 'ef'.repeat(32))).toBe(
      grpc.status.NOT_FOUND,
    );
    expect(await manifestStatus(client, peer.entry('f.bin').sha256)).toBe(
      grpc.status.OK,
    );
  });

  it('answers NOT_FOUND for a file that vanished or changed since it was hashed', async () => {
    // Given a peer whose two files are then deleted and changed on disk
    const peer = await sharePeer({ 'gone.bin': 2000, 'changed.bin': 2000 });
    const gone = peer.entry('gone.bin');
    const changed = peer.entry('changed.bin');
    await rm(join(peer.root, 'gone.bin'));
    await truncate(join(peer.root, 'changed.bin'), 1000);
    const client = rawClient(peer);
    // When both are requested by their old hashes
    const whole = (sha256: string) => ({ sha256, offset: '0', length: '500' });
    // Then neither is served under the old hash, and the server lives on
    expect(await downloadStatus(client, whole(gone.sha256))).toEqual({
      code: grpc.status.NOT_FOUND,
      bytes: 0,
    });
    expect(await downloadStatus(client, whole(changed.sha256))).toEqual({
      code: grpc.status.NOT_FOUND,
      bytes: 0,
    });
    await writeFile(join(peer.root, 'new.txt'), 'fresh');
    await peer.share.scan();
    const fresh = peer.entry('new.txt');
    expect(
      await downloadStatus(client, {
        sha256: fresh.sha256,
        offset: '0',
        length: '5',
      }),
    ).toEqual({ code: grpc.status.OK, bytes: 5 });
  });

  it('answers RESOURCE_EXHAUSTED when every upload slot is busy', async () => {
    // Given a peer with one upload slot, held by a paused client
    const peer = await sharePeer(
      { 'big.bin': 32 * PIECE_SIZE },
      { uploadSlots: 1 },
    );
    const file = peer.entry('big.bin');
    const client = rawClient(peer);
    const started = new Promise<UploadSnapshot>((resolve) =>
      peer.server.uploads.once(UploadEvent.Started, resolve),
    );
    const holder = client.Download({
      sha256: file.sha256,
      offset: '0',
      length: String(file.size),
    });
    holder.on('error', () => undefined);
    holder.pause();
    expect((await started).sha256).toBe(file.sha256);
    // When a second download asks for a slot
    const second = await downloadStatus(client, {
      sha256: file.sha256,
      offset: '0',
      length: '10',
    });
    // Then it is refused, and served once the first one is gone
    expect(second.code).toBe(grpc.status.RESOURCE_EXHAUSTED);
    const finished = new Promise((resolve) =>
      peer.server.uploads.once(UploadEvent.Finished, resolve),
    );
    holder.cancel();
    await finished;
    expect(
      await downloadStatus(client, {
        sha256: file.sha256,
        offset: '0',
        length: '10',
      }),
    ).toEqual({ code: grpc.status.OK, bytes: 10 });
  });

  it('never delivers faster than its upload rate allows', async () => {
    // Given a peer capped at 2 MB/s in total and a 16 MiB file
    const peer = await sharePeer(
      { 'f.bin': 16 * PIECE_SIZE },
      { uploadRateBps: 2e6 },
    );
    const file = peer.entry('f.bin');
    const client = rawClient(peer);
    // When two clients read the whole file at once for a while
    const started = Date.now();
    let received = 0;
    const calls = [0, 1].map(() => {
      const call = client.Download({
        sha256: file.sha256,
        offset: '0',
        length: String(file.size),
      });
      call.on('error', () => undefined);
      call.on('data', (chunk: { data: Buffer }) => {
        received += chunk.data.length;
      });
      return call;
    });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const elapsedSeconds = (Date.now() - started) / 1000;
    const receivedNow = received;
    for (const call of calls) call.cancel();
    // Then together they got something, but no more than the rate allows
    // plus one chunk of burst
    expect(receivedNow).toBeGreaterThan(0);
    expect(receivedNow).toBeLessThanOrEqual(2e6 * elapsedSeconds + PIECE_SIZE);
  });

  it('keeps its memory flat for a client that stops reading', async () => {
    // Given a 256 MiB file and a client that reads one chunk, then pauses
    const peer = await sharePeer({ 'huge.bin': 256 * PIECE_SIZE });
    const file = peer.entry('huge.bin');
    const client = rawClient(peer);
    const before = process.memoryUsage().arrayBuffers;
    const call = client.Download({
      sha256: file.sha256,
      offset: '0',
      length: String(file.size),
    });
    call.on('error', () => undefined);
    await new Promise((resolve) => call.once('data', resolve));
    call.pause();
    // When the server has had time to push as much as it would
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    // Then it sent only a few MiB (flow control) and holds no copy of the file
    const [upload] = peer.server.uploads.snapshot();
    expect(upload?.bytesSent).toBeLessThan(32 * PIECE_SIZE);
    const grown = process.memoryUsage().arrayBuffers - before;
    expect(grown).toBeLessThan(64 * PIECE_SIZE);
    call.cancel();
  });
});

import { once } from 'node:events';
import net from 'node:net';
import * as grpc from '@grpc/grpc-js';
import {
  loadPeerProto,
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

/** Whether this machine has IPv6 loopback (`::1`), the test's second address. */
async function hasIpv6Loopback(): Promise<boolean> {
  const server = net.createServer();
  server.listen(0, '::1');
  const up = await Promise.race([
    once(server, 'listening').then(() => true),
    once(server, 'error').then(() => false),
  ]);
  server.close();
  return up;
}

const ipv6 = await hasIpv6Loopback();

afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  await Promise.all(peers.splice(0).map((peer) => peer.close()));
  await temp.cleanup();
});

/** A plain gRPC client of `peer`, reaching it at `host`. */
function clientVia(host: string, peer: SharingPeer) {
  const client = new (loadPeerProto().ferry.v1.Peer)(
    `${host}:${peer.server.port}`,
    grpc.credentials.createInsecure(),
  );
  clients.push(client);
  return client;
}

type PeerClient = ReturnType<typeof clientVia>;

/** Opens a download of all of `sha256` that reads nothing: it holds a slot. */
async function holdSlot(
  peer: SharingPeer,
  client: PeerClient,
  file: { sha256: string; size: number },
): Promise<UploadSnapshot> {
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
  return started;
}

/** How a download of the first 10 bytes of `sha256` ends. */
function tenBytes(
  client: PeerClient,
  sha256: string,
): Promise<{ code: grpc.status; details: string }> {
  return new Promise((resolve) => {
    const call = client.Download(
      { sha256, offset: '0', length: '10' },
      { deadline: Date.now() + 10_000 },
    );
    call.on('data', () => undefined);
    call.on('error', (error: grpc.ServiceError) =>
      resolve({ code: error.code, details: error.details }),
    );
    call.on('end', () => resolve({ code: grpc.status.OK, details: '' }));
  });
}

describe('upload slots per address', () => {
  it.skipIf(!ipv6)(
    'leaves one slot of three to another address than the one holding two',
    async () => {
      // Given a peer with three upload slots, listening on IPv6 and IPv4
      const peer = await shareRandomFiles(
        temp,
        peers,
        { 'big.bin': 32 * PIECE_SIZE },
        { uploadSlots: 3, listen: '[::]:0' },
      );
      const file = peer.entry('big.bin');
      const first = clientVia('127.0.0.1', peer);
      const second = clientVia('[::1]', peer);
      // When 127.0.0.1 holds two slots and asks for a third
      await holdSlot(peer, first, file);
      await holdSlot(peer, first, file);
      const refused = await tenBytes(first, file.sha256);
      // Then it is refused, saying why
      expect(refused).toEqual({
        code: grpc.status.RESOURCE_EXHAUSTED,
        details:
          '127.0.0.1 already holds 2 of the 3 upload slots, the most one address may',
      });
      // And ::1 still gets the third slot, after which no one gets one
      const held = await holdSlot(peer, second, file);
      expect(held.remote).toMatch(/^::1:\d+$/);
      expect(await tenBytes(second, file.sha256)).toEqual({
        code: grpc.status.RESOURCE_EXHAUSTED,
        details: 'every upload slot is busy',
      });
    },
  );
});

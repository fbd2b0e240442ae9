import * as grpc from '@grpc/grpc-js';
import { loadPeerProto } from '@ferry/peer-core';
import type { SharingPeer as RealPeer } from './transfer-fixtures.js';

/** How a misbehaving test peer answers `Download`. */
export type Misbehaviour =
  /** Sends the right offsets with flipped bytes. */
  | 'corrupt'
  /** Accepts the call, then sends nothing and never ends the stream. */
  | 'stall'
  /** Answers `GetManifest` with piece hashes that do not fit the root. */
  | 'bad-manifest';

/** A test server implementing `ferry.v1.Peer` that misbehaves on purpose. */
export interface FakePeer {
  port: number;
  /** How many `Download` calls it received. */
  downloads: number;
  close(): void;
}

/**
 * Starts a fake peer on 127.0.0.1 that forwards `GetManifest` to a real
 * peer (so the manifest is right) and answers `Download` badly.
 */
export async function startFakePeer(
  real: RealPeer,
  misbehaviour: Misbehaviour,
): Promise<FakePeer> {
  const proto = loadPeerProto();
  const upstream = new proto.ferry.v1.Peer(
    `127.0.0.1:${real.server.port}`,
    grpc.credentials.createInsecure(),
  );
  const server = new grpc.Server();
  const fake: FakePeer = { port: 0, downloads: 0, close: () => undefined };
  const open: grpc.ServerWritableStream<unknown, unknown>[] = [];
  server.addService(proto.ferry.v1.Peer.service, {
    GetInfo: (_call: unknown, callback: grpc.sendUnaryData<unknown>) =>
      callback({ code: grpc.status.UNIMPLEMENTED }),
    Browse: (call: grpc.ServerWritableStream<unknown, unknown>) => call.end(),
    GetManifest: (
      call: grpc.ServerUnaryCall<{ sha256: string }, unknown>,
      callback: grpc.sendUnaryData<unknown>,
    ) =>
      upstream.GetManifest(call.request, (error, reply) => {
        if (reply && misbehaviour === 'bad-manifest') {
          reply.piece_hashes = reply.piece_hashes.map(() => Buffer.alloc(32));
        }
        callback(error, reply);
      }),
    Download: (
      call: grpc.ServerWritableStream<
        { offset: string; length: string },
        unknown
      >,
    ) => {
      fake.downloads += 1;
      const offset = Number(call.request.offset);
      const length = Math.min(Number(call.request.length), 1024 * 1024);
      if (misbehaviour === 'stall') {
        open.push(call);
        return;
      }
      call.write({ offset: String(offset), data: Buffer.alloc(length, 0xa5) });
      call.end();
    },
  });
  fake.port = await new Promise<number>((resolve, reject) => {
    server.bindAsync(
      '127.0.0.1:0',
      grpc.ServerCredentials.createInsecure(),
      (error, port) => {
        if (error) reject(error);
        else resolve(port);
      },
    );
  });
  fake.close = () => {
    for (const call of open) call.end();
    upstream.close();
    server.forceShutdown();
  };
  return fake;
}

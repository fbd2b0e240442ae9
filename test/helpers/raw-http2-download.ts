import {
  connect,
  type ClientHttp2Session,
  type ClientHttp2Stream,
} from 'node:http2';
import { loadPeerProto } from '@ferry/peer-core';

interface DownloadRequest {
  sha256: string;
  offset: number;
  length: number;
}

/** A `ferry.v1.DownloadRequest` as gRPC frames it (uncompressed). */
function downloadFrame(request: DownloadRequest): Buffer {
  const serialize = loadPeerProto().ferry.v1.Peer.service.Download
    .requestSerialize as (value: DownloadRequest) => Buffer;
  const message = serialize(request);
  const prefix = Buffer.alloc(5);
  prefix.writeUInt32BE(message.length, 1);
  return Buffer.concat([prefix, message]);
}

/** One plain HTTP/2 connection to a peer's gRPC server, no gRPC library. */
export function rawHttp2Session(port: number): ClientHttp2Session {
  const session = connect(`http://127.0.0.1:${port}`);
  session.on('error', () => undefined);
  return session;
}

/**
 * Starts a `Download` stream of `length` bytes from `offset` on `session`
 * and pauses it at once: it never reads a byte, while the connection
 * still answers pings (what grpc-js clients, which keep reading into
 * their own buffers, do not do).
 */
export function pausedDownload(
  session: ClientHttp2Session,
  request: DownloadRequest,
): ClientHttp2Stream {
  const stream = session.request({
    ':method': 'POST',
    ':path': '/ferry.v1.Peer/Download',
    'content-type': 'application/grpc',
    te: 'trailers',
  });
  stream.on('error', () => undefined);
  stream.end(downloadFrame(request));
  stream.pause();
  return stream;
}

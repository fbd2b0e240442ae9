import {
  connect,
  type ClientHttp2Session,
  type ClientHttp2Stream,
} from 'node:http2';

/** A `ferry.v1.DownloadRequest` as gRPC frames it (uncompressed). */
function downloadFrame(sha256: string, offset: number, length: number): Buffer {
  const message = Buffer.concat([
    Buffer.from([0x0a, sha256.length]),
    Buffer.from(sha256, 'ascii'),
    Buffer.from([0x10]),
    varint(offset),
    Buffer.from([0x18]),
    varint(length),
  ]);
  const prefix = Buffer.alloc(5);
  prefix.writeUInt32BE(message.length, 1);
  return Buffer.concat([prefix, message]);
}

function varint(value: number): Buffer {
  const bytes: number[] = [];
  let rest = value;
  while (rest >= 0x80) {
    bytes.push((rest % 0x80) | 0x80);
    rest = Math.floor(rest / 0x80);
  }
  bytes.push(rest);
  return Buffer.from(bytes);
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
  request: { sha256: string; offset: number; length: number },
): ClientHttp2Stream {
  const stream = session.request({
    ':method': 'POST',
    ':path': '/ferry.v1.Peer/Download',
    'content-type': 'application/grpc',
    te: 'trailers',
  });
  stream.on('error', () => undefined);
  stream.end(downloadFrame(request.sha256, request.offset, request.length));
  stream.pause();
  return stream;
}

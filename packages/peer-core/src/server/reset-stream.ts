import { constants, type ServerHttp2Stream } from 'node:http2';
import type { DownloadCall } from './serve-download.js';

/** The part of grpc-js's server call (no interceptors) holding its stream. */
interface CallWithStream {
  call?: { stream?: Partial<ServerHttp2Stream> };
}

/**
 * Ends a `Download` stream at once with an HTTP/2 RST_STREAM (CANCEL).
 * A status would never reach a downloader that takes no data: grpc-js
 * sends it only after the chunks already written, which wait for the
 * downloader's flow-control window, so the stream and its buffers would
 * stay. grpc-js has no public way to reset a server stream; this reaches
 * the one its call holds, and falls back to ending the call with `status`.
 */
export function resetStream(
  call: DownloadCall,
  status: { code: number; details: string },
): void {
  const stream = (call as CallWithStream).call?.stream;
  if (typeof stream?.close === 'function') {
    stream.close(constants.NGHTTP2_CANCEL);
  } else {
    call.emit('error', status);
  }
}

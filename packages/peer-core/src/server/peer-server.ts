import type * as grpc from '@grpc/grpc-js';
import { getErrorMessage, PeerError, PeerErrorCode } from '../errors.js';
import type { DownloadRequest__Output } from '../generated/ferry/v1/DownloadRequest.js';
import type { PeerHandlers } from '../generated/ferry/v1/Peer.js';
import { withRawChunks } from './raw-chunks.js';
import { MAX_CHUNK_BYTES, SERVER_OPTIONS } from '../grpc/channel-options.js';
import { formatPeerAddress, parsePeerAddress } from '../grpc/peer-address.js';
import { loadPeerProto } from '../proto/load.js';
import { RateLimiter } from './rate-limiter.js';
import type { ServedShare, ServerContext } from './server-context.js';
import { serveDownload } from './serve-download.js';
import { serveBrowse, serveInfo, serveManifest } from './serve-metadata.js';
import { DEFAULT_UPLOAD_SLOTS, UploadTracker } from './upload-tracker.js';
import { grpcJs } from '../grpc/load-on-use.js';

export interface PeerServerOptions {
  /** The files to serve (a `Share`). */
  share: ServedShare;
  /** Our directory username, told to peers by `GetInfo`. */
  username: string;
  /** Our Ferry version, told by `GetInfo`. */
  version: string;
  /** "HOST:PORT" to listen on; port 0 picks a free one. */
  listen: string;
  /** Concurrent `Download` streams; more get `RESOURCE_EXHAUSTED` (4). */
  uploadSlots?: number;
  /** Total upload rate cap in bytes/s; unlimited when absent. */
  uploadRateBps?: number;
  /**
   * How often each connection is pinged (30 s); a client that does not
   * answer within a third of that (a frozen process, a dead network) is
   * dropped and its upload slot freed.
   */
  keepaliveMs?: number;
  /**
   * How long an upload waits for its downloader to take the next chunk
   * (60 s): a downloader that stops reading while its connection still
   * answers pings gets its stream reset and its upload slot freed.
   */
  uploadStallMs?: number;
}

/** `PeerServerOptions.uploadStallMs` unless told otherwise. */
export const DEFAULT_UPLOAD_STALL_MS = 60_000;

/** A running gRPC server of `ferry.v1.Peer`. */
export interface PeerServer {
  host: string;
  /** The port actually bound (useful with port 0). */
  port: number;
  /** "HOST:PORT" to tell the directory. */
  address: string;
  /** Live uploads and upload events for front ends. */
  uploads: UploadTracker;
  /** Stops accepting calls; running uploads get a few seconds to end. */
  close(graceMs?: number): Promise<void>;
}

/**
 * Starts serving `options.share` over gRPC. Rejects with
 * `PeerError(INVALID_INPUT)` for a bad address and `PeerError(IO)` when the
 * port cannot be bound.
 */
export async function startPeerServer(
  options: PeerServerOptions,
): Promise<PeerServer> {
  const { host, port } = parsePeerAddress(options.listen);
  const slots = options.uploadSlots ?? DEFAULT_UPLOAD_SLOTS;
  if (!Number.isInteger(slots) || slots < 1) {
    throw new PeerError(PeerErrorCode.InvalidInput, 'upload slots must be ≥ 1');
  }
  const context: ServerContext = {
    share: options.share,
    uploads: new UploadTracker(slots),
    limiter: limiterOf(options.uploadRateBps),
    uploadStallMs: uploadStallOf(options.uploadStallMs),
    username: options.username,
    version: options.version,
  };
  const server = new (grpcJs().Server)(serverOptionsOf(options.keepaliveMs));
  server.addService(
    withRawChunks(loadPeerProto().ferry.v1.Peer.service),
    handlersOf(context),
  );
  const bound = await bind(server, formatPeerAddress({ host, port }));
  return {
    host,
    port: bound,
    address: formatPeerAddress({ host, port: bound }),
    uploads: context.uploads,
    close: (graceMs = 2_000) => shutdown(server, graceMs),
  };
}

function serverOptionsOf(keepaliveMs: number | undefined): grpc.ChannelOptions {
  if (keepaliveMs === undefined) return SERVER_OPTIONS;
  if (!(keepaliveMs >= 100)) {
    throw new PeerError(
      PeerErrorCode.InvalidInput,
      'keepalive must be ≥ 100 ms',
    );
  }
  return {
    ...SERVER_OPTIONS,
    'grpc.keepalive_time_ms': keepaliveMs,
    'grpc.keepalive_timeout_ms': Math.ceil(keepaliveMs / 3),
  };
}

function uploadStallOf(ms: number | undefined): number {
  if (ms === undefined) return DEFAULT_UPLOAD_STALL_MS;
  if (!(ms >= 100)) {
    throw new PeerError(
      PeerErrorCode.InvalidInput,
      'upload stall timeout must be ≥ 100 ms',
    );
  }
  return ms;
}

function limiterOf(rate: number | undefined): RateLimiter | undefined {
  if (rate === undefined) return undefined;
  if (!(rate > 0)) {
    throw new PeerError(PeerErrorCode.InvalidInput, 'upload rate must be > 0');
  }
  return new RateLimiter(rate, MAX_CHUNK_BYTES);
}

/** The handlers, with `Download` writing pre-encoded chunks. */
type Handlers = Pick<PeerHandlers, 'GetInfo' | 'Browse' | 'GetManifest'> & {
  Download: grpc.handleServerStreamingCall<DownloadRequest__Output, Buffer>;
};

function handlersOf(context: ServerContext): Handlers {
  return {
    GetInfo: (call, callback) => serveInfo(context, call, callback),
    Browse: (call) => serveBrowse(context, call),
    GetManifest: (call, callback) => serveManifest(context, call, callback),
    Download: (call) => serveDownload(context, call),
  };
}

function bind(server: grpc.Server, address: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.bindAsync(
      address,
      grpcJs().ServerCredentials.createInsecure(),
      (error, port) => {
        if (error) {
          reject(
            new PeerError(
              PeerErrorCode.Io,
              `cannot listen on ${address}: ${getErrorMessage(error)}`,
              {
                cause: error,
              },
            ),
          );
        } else resolve(port);
      },
    );
  });
}

function shutdown(server: grpc.Server, graceMs: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => server.forceShutdown(), graceMs);
    server.tryShutdown(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}
